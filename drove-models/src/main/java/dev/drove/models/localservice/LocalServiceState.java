package dev.drove.models.localservice;

/**
 * The states of a local service (contract §2.9). The *_REQUESTED states are transient: an operation asked for the
 * change and the controller is carrying it out.
 */
public enum LocalServiceState {
    INIT,
    ACTIVATION_REQUESTED,
    CONFIG_TESTING_REQUESTED,
    DEACTIVATION_REQUESTED,
    EMERGENCY_DEACTIVATION_REQUESTED,
    INACTIVE,
    ACTIVE,
    CONFIG_TESTING,
    ADJUSTING_INSTANCES,
    DEPLOYING_TEST_INSTANCE,
    REPLACING_INSTANCES,
    STOPPING_INSTANCES,
    UPDATING_INSTANCES_COUNT,
    DESTROY_REQUESTED,
    DESTROYED;

    /** Whether the service's life is over: nothing leaves DESTROYED. */
    public boolean isTerminal() {
        return this == DESTROYED;
    }
}
