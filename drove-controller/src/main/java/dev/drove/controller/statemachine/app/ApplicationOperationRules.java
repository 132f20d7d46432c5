package dev.drove.controller.statemachine.app;

import dev.drove.models.application.ApplicationState;
import dev.drove.models.operation.ApplicationOperationType;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static dev.drove.models.application.ApplicationState.DESTROY_REQUESTED;
import static dev.drove.models.application.ApplicationState.MONITORING;
import static dev.drove.models.application.ApplicationState.REPLACE_INSTANCES_REQUESTED;
import static dev.drove.models.application.ApplicationState.RUNNING;
import static dev.drove.models.application.ApplicationState.SCALING_REQUESTED;
import static dev.drove.models.application.ApplicationState.STOP_INSTANCES_REQUESTED;

/**
 * Which operation a user may submit in which state, and the working state it moves the application into (docs:
 * applications/operations.md, each operation's "Preconditions" and "State Transition"). CREATE needs the
 * application not to exist and RECOVER is the controller's own, so neither is accepted in any state here.
 *
 * <pre>
 * operation           accepted in             works in
 * DESTROY             MONITORING              DESTROY_REQUESTED
 * START_INSTANCES     MONITORING, RUNNING     SCALING_REQUESTED
 * SCALE_INSTANCES     MONITORING, RUNNING     SCALING_REQUESTED
 * SUSPEND             MONITORING, RUNNING     SCALING_REQUESTED
 * STOP_INSTANCES      RUNNING                 STOP_INSTANCES_REQUESTED
 * REPLACE_INSTANCES   RUNNING                 REPLACE_INSTANCES_REQUESTED
 * </pre>
 */
public final class ApplicationOperationRules {
    private static final Map<ApplicationOperationType, Set<ApplicationState>> ACCEPTED_IN;
    private static final Map<ApplicationOperationType, ApplicationState> WORKS_IN;

    static {
        var accepted = new EnumMap<ApplicationOperationType, Set<ApplicationState>>(ApplicationOperationType.class);
        var works = new EnumMap<ApplicationOperationType, ApplicationState>(ApplicationOperationType.class);
        rule(accepted, works, ApplicationOperationType.DESTROY, DESTROY_REQUESTED, MONITORING);
        rule(accepted, works, ApplicationOperationType.START_INSTANCES, SCALING_REQUESTED, MONITORING, RUNNING);
        rule(accepted, works, ApplicationOperationType.SCALE_INSTANCES, SCALING_REQUESTED, MONITORING, RUNNING);
        rule(accepted, works, ApplicationOperationType.SUSPEND, SCALING_REQUESTED, MONITORING, RUNNING);
        rule(accepted, works, ApplicationOperationType.STOP_INSTANCES, STOP_INSTANCES_REQUESTED, RUNNING);
        rule(accepted, works, ApplicationOperationType.REPLACE_INSTANCES, REPLACE_INSTANCES_REQUESTED, RUNNING);
        ACCEPTED_IN = Collections.unmodifiableMap(accepted);
        WORKS_IN = Collections.unmodifiableMap(works);
    }

    private ApplicationOperationRules() {
    }

    /** The states in which a user may submit {@code type}; empty for CREATE and RECOVER. */
    public static Set<ApplicationState> acceptedIn(ApplicationOperationType type) {
        return ACCEPTED_IN.getOrDefault(type, Set.of());
    }

    public static boolean accepts(ApplicationOperationType type, ApplicationState state) {
        return acceptedIn(type).contains(state);
    }

    /** The working state {@code type} runs in; empty for CREATE and RECOVER, which have none of their own. */
    public static Optional<ApplicationState> worksIn(ApplicationOperationType type) {
        return Optional.ofNullable(WORKS_IN.get(type));
    }

    private static void rule(Map<ApplicationOperationType, Set<ApplicationState>> accepted,
                             Map<ApplicationOperationType, ApplicationState> works, ApplicationOperationType type,
                             ApplicationState workingState, ApplicationState first, ApplicationState... more) {
        accepted.put(type, Collections.unmodifiableSet(EnumSet.of(first, more)));
        works.put(type, workingState);
    }
}
