/** Metrics both services expose on their admin port, such as the Prometheus text endpoint. */
package dev.drove.common.metrics;
