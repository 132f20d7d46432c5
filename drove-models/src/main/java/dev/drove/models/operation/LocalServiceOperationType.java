package dev.drove.models.operation;

/** The kinds of local service operation. */
public enum LocalServiceOperationType {
    CREATE,
    ACTIVATE,
    DEACTIVATE,
    DEPLOY_TEST_INSTANCE,
    ADJUST_INSTANCES,
    REPLACE_INSTANCES,
    RESTART,
    STOP_INSTANCES,
    UPDATE_INSTANCE_COUNT,
    DESTROY
}
