package dev.drove.models.application;

/**
 * The protocol an exposed port speaks (docs: applications/specification.md, "Exposed ports").
 * Constants are spelled exactly as the docs spell them.
 */
public enum PortType {
    HTTP,
    HTTPS,
    TCP,
    UDP
}
