package dev.drove.models.operation;

/** The kinds of task operation. */
public enum TaskOperationType {
    CREATE,
    KILL
}
