package dev.drove.models.application;

import java.util.EnumSet;
import java.util.Set;

/**
 * The states of an application (contract §2.9; docs: applications/index.md, "Application State Machine").
 * {@code MONITORING} means the application exists with no running instances; {@code RUNNING} means it has some.
 */
public enum ApplicationState {
    INIT,
    MONITORING,
    RUNNING,
    OUTAGE_DETECTED,
    SCALING_REQUESTED,
    STOP_INSTANCES_REQUESTED,
    REPLACE_INSTANCES_REQUESTED,
    DESTROY_REQUESTED,
    DESTROYED,
    FAILED;

    /** States in which the application has, or is changing, running instances. */
    public static final Set<ApplicationState> ACTIVE = Set.copyOf(EnumSet.of(RUNNING, OUTAGE_DETECTED,
            SCALING_REQUESTED, STOP_INSTANCES_REQUESTED, REPLACE_INSTANCES_REQUESTED, DESTROY_REQUESTED));

    /** Whether the application's life is over: nothing leaves DESTROYED or FAILED. */
    public boolean isTerminal() {
        return this == DESTROYED || this == FAILED;
    }

    public boolean isActive() {
        return ACTIVE.contains(this);
    }
}
