package dev.drove.models.application.requirements;

/** The kinds of hardware a container reserves; every spec needs exactly one of each. */
public enum ResourceType {
    CPU,
    MEMORY
}
