/**
 * Logging specs: the docker log driver of a container. {@code LOCAL} is {@code json-file} with rotation
 * ({@code maxSize} "10m", {@code maxFiles} 3, {@code compress} true by default); {@code RSYSLOG} sends to a server.
 */
package dev.drove.models.application.logging;
