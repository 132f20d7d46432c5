package dev.drove.controller.statemachine.app;

import dev.drove.common.statemachine.TransitionTable;
import dev.drove.models.application.ApplicationState;

import static dev.drove.models.application.ApplicationState.DESTROYED;
import static dev.drove.models.application.ApplicationState.DESTROY_REQUESTED;
import static dev.drove.models.application.ApplicationState.FAILED;
import static dev.drove.models.application.ApplicationState.INIT;
import static dev.drove.models.application.ApplicationState.MONITORING;
import static dev.drove.models.application.ApplicationState.OUTAGE_DETECTED;
import static dev.drove.models.application.ApplicationState.REPLACE_INSTANCES_REQUESTED;
import static dev.drove.models.application.ApplicationState.RUNNING;
import static dev.drove.models.application.ApplicationState.SCALING_REQUESTED;
import static dev.drove.models.application.ApplicationState.STOP_INSTANCES_REQUESTED;

/**
 * The legal moves of an application, edge for edge from images/app-state-machine.png. The picture's INIT has only
 * "Validation Complete" to MONITORING; FAILED is added as INIT's other exit so that a CREATE that cannot complete has
 * somewhere to end (the model's enum has the state, the picture does not draw it).
 */
public final class ApplicationStateMachine {
    public static final TransitionTable<ApplicationState> TABLE = TransitionTable.of(ApplicationState.class)
            .from(INIT).to(MONITORING, FAILED)
            .from(MONITORING).to(SCALING_REQUESTED, DESTROY_REQUESTED)
            .from(RUNNING).to(SCALING_REQUESTED, STOP_INSTANCES_REQUESTED, REPLACE_INSTANCES_REQUESTED,
                    OUTAGE_DETECTED)
            .from(OUTAGE_DETECTED).to(SCALING_REQUESTED)
            .from(SCALING_REQUESTED).to(RUNNING, MONITORING)
            .from(STOP_INSTANCES_REQUESTED).to(RUNNING, MONITORING)
            .from(REPLACE_INSTANCES_REQUESTED).to(RUNNING)
            .from(DESTROY_REQUESTED).to(DESTROYED)
            .terminal(DESTROYED, FAILED)
            .build();

    private ApplicationStateMachine() {
    }

    /**
     * Where an application rests once the work of a working state is done: RUNNING when it should run instances,
     * MONITORING when it should run none. REPLACE_INSTANCES_REQUESTED always returns to RUNNING (the picture's only
     * exit), and a stable state stays where it is.
     */
    public static ApplicationState restingState(ApplicationState from, long expectedInstances) {
        if (from == MONITORING || from == RUNNING || from.isTerminal()) {
            return from;
        }
        if (from == REPLACE_INSTANCES_REQUESTED) {
            return RUNNING;
        }
        if (from == INIT) {
            return MONITORING;
        }
        return expectedInstances > 0 ? RUNNING : MONITORING;
    }

    /** Whether an application in {@code state} is between operations. */
    public static boolean isStable(ApplicationState state) {
        return state == MONITORING || state == RUNNING;
    }
}
