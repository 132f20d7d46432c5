package dev.drove.models.instance;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The life-cycle states of a local-service instance (contract §2.9): the same list, flags and sets as
 * {@link InstanceState}. Constants are spelled as the docs spell them.
 *
 * <p>Terminal states end the instance's life; error states are where a failed start leaves it before it is cleaned
 * up (they are not terminal: the instance still goes through DEPROVISIONING to STOPPED).
 */
public enum LocalServiceInstanceState {
    PENDING(false, false),
    PROVISIONING(false, false),
    PROVISIONING_FAILED(false, true),
    STARTING(false, false),
    START_FAILED(false, true),
    UNREADY(false, false),
    READINESS_CHECK_FAILED(false, true),
    READY(false, false),
    HEALTHY(false, false),
    UNHEALTHY(false, false),
    DEPROVISIONING(false, false),
    STOPPING(false, false),
    STOPPED(true, false),
    LOST(true, false),
    UNKNOWN(false, false);

    /**
     * States of an instance that counts against its local service: it holds resources and will either run or be
     * cleaned up. The API lists these when no state filter is given. UNKNOWN is not here: it is being recovered.
     */
    public static final Set<LocalServiceInstanceState> ACTIVE_STATES = Collections.unmodifiableSet(EnumSet.of(
            PENDING, PROVISIONING, STARTING, UNREADY, READY, HEALTHY, UNHEALTHY, DEPROVISIONING, STOPPING));

    /** States in which the container is up and its checks are being run. */
    public static final Set<LocalServiceInstanceState> RUNNING_STATES = Collections.unmodifiableSet(EnumSet.of(
            UNREADY, READY, HEALTHY));

    private final boolean terminal;
    private final boolean error;

    LocalServiceInstanceState(boolean terminal, boolean error) {
        this.terminal = terminal;
        this.error = error;
    }

    /** Whether no further transition can happen from this state. */
    public boolean isTerminal() {
        return terminal;
    }

    /** Whether this state records a failure to bring the instance up. */
    public boolean isError() {
        return error;
    }
}
