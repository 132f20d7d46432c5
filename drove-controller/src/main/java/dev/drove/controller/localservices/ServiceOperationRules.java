package dev.drove.controller.localservices;

import dev.drove.models.localservice.ActivationState;
import dev.drove.models.localservice.LocalServiceState;
import dev.drove.models.operation.LocalServiceOperationType;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static dev.drove.models.localservice.LocalServiceState.ACTIVATION_REQUESTED;
import static dev.drove.models.localservice.LocalServiceState.ACTIVE;
import static dev.drove.models.localservice.LocalServiceState.ADJUSTING_INSTANCES;
import static dev.drove.models.localservice.LocalServiceState.CONFIG_TESTING;
import static dev.drove.models.localservice.LocalServiceState.CONFIG_TESTING_REQUESTED;
import static dev.drove.models.localservice.LocalServiceState.DEACTIVATION_REQUESTED;
import static dev.drove.models.localservice.LocalServiceState.DESTROY_REQUESTED;
import static dev.drove.models.localservice.LocalServiceState.INACTIVE;
import static dev.drove.models.localservice.LocalServiceState.INIT;
import static dev.drove.models.localservice.LocalServiceState.REPLACING_INSTANCES;
import static dev.drove.models.localservice.LocalServiceState.STOPPING_INSTANCES;
import static dev.drove.models.localservice.LocalServiceState.UPDATING_INSTANCES_COUNT;

/**
 * Which resting state of a local service accepts which operation, and the working state it shows while the
 * operation runs (contract §2.7, §2.9; CLI docs localservices.md, lsinstances.md). A service rests in the state of
 * its activation: INACTIVE, ACTIVE or CONFIG_TESTING.
 *
 * <pre>
 * operation              accepted in                        works in
 * CREATE                 (no such service)                  INIT → INACTIVE
 * ACTIVATE               INACTIVE, CONFIG_TESTING           ACTIVATION_REQUESTED
 * DEACTIVATE (STOP)      ACTIVE, CONFIG_TESTING             DEACTIVATION_REQUESTED
 * DEPLOY_TEST_INSTANCE   INACTIVE, CONFIG_TESTING           CONFIG_TESTING_REQUESTED → DEPLOYING_TEST_INSTANCE
 * ADJUST_INSTANCES       ACTIVE, CONFIG_TESTING             ADJUSTING_INSTANCES
 * UPDATE_INSTANCE_COUNT  ACTIVE, INACTIVE, CONFIG_TESTING   UPDATING_INSTANCES_COUNT
 * REPLACE_INSTANCES      ACTIVE, CONFIG_TESTING             REPLACING_INSTANCES
 * RESTART                ACTIVE, CONFIG_TESTING             REPLACING_INSTANCES
 * STOP_INSTANCES         ACTIVE, CONFIG_TESTING             STOPPING_INSTANCES
 * DESTROY                INACTIVE                           DESTROY_REQUESTED → DESTROYED (removed)
 * </pre>
 */
final class ServiceOperationRules {
    private static final Set<LocalServiceState> RUNNING = EnumSet.of(ACTIVE, CONFIG_TESTING);
    private static final Map<LocalServiceOperationType, Set<LocalServiceState>> ACCEPTED =
            new EnumMap<>(LocalServiceOperationType.class);
    private static final Map<LocalServiceOperationType, LocalServiceState> WORKING =
            new EnumMap<>(LocalServiceOperationType.class);

    static {
        rule(LocalServiceOperationType.CREATE, EnumSet.noneOf(LocalServiceState.class), INIT);
        rule(LocalServiceOperationType.ACTIVATE, EnumSet.of(INACTIVE, CONFIG_TESTING), ACTIVATION_REQUESTED);
        rule(LocalServiceOperationType.DEACTIVATE, RUNNING, DEACTIVATION_REQUESTED);
        rule(LocalServiceOperationType.DEPLOY_TEST_INSTANCE, EnumSet.of(INACTIVE, CONFIG_TESTING),
                CONFIG_TESTING_REQUESTED);
        rule(LocalServiceOperationType.ADJUST_INSTANCES, RUNNING, ADJUSTING_INSTANCES);
        rule(LocalServiceOperationType.UPDATE_INSTANCE_COUNT, EnumSet.of(ACTIVE, INACTIVE, CONFIG_TESTING),
                UPDATING_INSTANCES_COUNT);
        rule(LocalServiceOperationType.REPLACE_INSTANCES, RUNNING, REPLACING_INSTANCES);
        rule(LocalServiceOperationType.RESTART, RUNNING, REPLACING_INSTANCES);
        rule(LocalServiceOperationType.STOP_INSTANCES, RUNNING, STOPPING_INSTANCES);
        rule(LocalServiceOperationType.DESTROY, EnumSet.of(INACTIVE), DESTROY_REQUESTED);
        for (var type : LocalServiceOperationType.values()) {
            if (!ACCEPTED.containsKey(type)) {
                throw new IllegalStateException("No rule for local service operation " + type);
            }
        }
    }

    private ServiceOperationRules() {
    }

    static boolean accepts(LocalServiceOperationType type, LocalServiceState state) {
        return ACCEPTED.get(type).contains(state);
    }

    /** The resting states that accept {@code type}, in declaration order. */
    static Set<LocalServiceState> acceptedIn(LocalServiceOperationType type) {
        return ACCEPTED.get(type);
    }

    /** The state a service shows from the moment {@code type} is accepted. */
    static LocalServiceState workingState(LocalServiceOperationType type) {
        return WORKING.get(type);
    }

    /** The state a service rests in when no operation runs. */
    static LocalServiceState restingState(ActivationState activation) {
        switch (activation) {
            case ACTIVE: return ACTIVE;
            case CONFIG_TESTING: return CONFIG_TESTING;
            case INACTIVE: return INACTIVE;
            default: throw new IllegalArgumentException("No resting state for activation " + activation);
        }
    }

    private static void rule(LocalServiceOperationType type, Set<LocalServiceState> acceptedIn,
                             LocalServiceState working) {
        ACCEPTED.put(type, Collections.unmodifiableSet(EnumSet.copyOf(acceptedIn)));
        WORKING.put(type, working);
    }
}
