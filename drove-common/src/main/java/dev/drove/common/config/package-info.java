/** Configuration shared by both services: the sections that must be the same on every node of a cluster. */
package dev.drove.common.config;
