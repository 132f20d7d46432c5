/**
 * Exposure: how an application is published through the gateway, as a vhost routed to one named port of its
 * HEALTHY instances.
 */
package dev.drove.models.application.exposure;
