package dev.drove.models.application.checks;

/** How a check is carried out: an HTTP call to a container port, or a command run inside the container. */
public enum CheckMode {
    HTTP,
    CMD
}
