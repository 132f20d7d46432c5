package dev.drove.models.operation;

/**
 * The kinds of application operation. Note {@code SCALE_INSTANCES}: the operation is submitted with
 * {@code "type": "SCALE"}, but reports itself (in logs and events) by this name, as the original does.
 */
public enum ApplicationOperationType {
    CREATE,
    DESTROY,
    SUSPEND,
    RECOVER,
    START_INSTANCES,
    STOP_INSTANCES,
    SCALE_INSTANCES,
    REPLACE_INSTANCES
}
