package dev.drove.controller.localservices;

import dev.drove.models.localservice.LocalServiceState;
import dev.drove.models.operation.ClusterOpSpec;
import dev.drove.models.operation.LocalServiceAdjustInstancesOperation;
import dev.drove.models.operation.LocalServiceOperation;
import dev.drove.models.operation.LocalServiceReplaceInstancesOperation;
import dev.drove.models.operation.LocalServiceRestartOperation;
import dev.drove.models.operation.LocalServiceStopInstancesOperation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One operation being carried out on one local service: what it is, who asked (a user or the monitor), how (its op
 * spec, else the controller's), the service's working state while it runs, and whether it should stop: cancelled
 * (after its current step) or abandoned because leadership is gone (at once, writing nothing more).
 */
final class ServiceRun {
    private static final Logger log = LoggerFactory.getLogger(ServiceRun.class);

    /** Why an operation runs. */
    enum Origin { SUBMITTED, MONITOR }

    /** Told of every state a service moves to while its operation runs. */
    @FunctionalInterface
    interface Moves {
        Moves NONE = (serviceId, state) -> { };

        void moved(String serviceId, LocalServiceState state);
    }

    /** Leadership is gone: the operation stops where it is. */
    static final class AbandonedException extends RuntimeException {
        AbandonedException(String serviceId) {
            super("Leadership is lost; local service " + serviceId + " is left to the next leader");
        }
    }

    /** A step failed; the operation ends with the service in its resting state. */
    static final class FailedException extends RuntimeException {
        FailedException(String message) {
            super(message);
        }
    }

    private final String serviceId;
    private final LocalServiceOperation operation;
    private final Origin origin;
    private final ServiceTerm term;
    private final ClusterOpSpec internalOpSpec;
    private final Moves moves;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private volatile LocalServiceState state;

    /** @param state the working state the service shows from the start */
    ServiceRun(LocalServiceOperation operation, Origin origin, ServiceTerm term, ClusterOpSpec internalOpSpec,
               LocalServiceState state, Moves moves) {
        this.serviceId = operation.serviceId();
        this.operation = operation;
        this.origin = origin;
        this.term = term;
        this.internalOpSpec = internalOpSpec;
        this.state = state;
        this.moves = moves;
    }

    String serviceId() {
        return serviceId;
    }

    LocalServiceOperation operation() {
        return operation;
    }

    Origin origin() {
        return origin;
    }

    ServiceTerm term() {
        return term;
    }

    LocalServiceState state() {
        return state;
    }

    void moveTo(LocalServiceState next) {
        if (next != state) {
            log.info("Local service {}: {} -> {}", serviceId, state, next);
            state = next;
            moves.moved(serviceId, next);
        }
    }

    /** The operation's own op spec (RESTART calls it clusterOpSpec); the controller's for the others. */
    ClusterOpSpec opSpec() {
        ClusterOpSpec own = null;
        if (operation instanceof LocalServiceAdjustInstancesOperation adjust) {
            own = adjust.opSpec();
        } else if (operation instanceof LocalServiceReplaceInstancesOperation replace) {
            own = replace.opSpec();
        } else if (operation instanceof LocalServiceRestartOperation restart) {
            own = restart.clusterOpSpec();
        } else if (operation instanceof LocalServiceStopInstancesOperation stop) {
            own = stop.opSpec();
        }
        return origin == Origin.MONITOR || own == null ? internalOpSpec : own;
    }

    /** How long one instance may take to become HEALTHY or to stop. */
    Duration timeout() {
        return opSpec().timeout().toJavaDuration();
    }

    int parallelism() {
        return Math.max(1, opSpec().parallelism());
    }

    /** Asks the operation to stop after its current step; false when it was asked already. */
    boolean cancel() {
        return cancelled.compareAndSet(false, true);
    }

    boolean isCancelled() {
        return cancelled.get();
    }

    boolean isAbandoned() {
        return !term.isCurrent();
    }

    /** Throws {@link AbandonedException} when leadership is gone; call before every write. */
    void requireLeadership() {
        if (isAbandoned()) {
            throw new AbandonedException(serviceId);
        }
    }

    @Override
    public String toString() {
        return operation.operationType() + " of local service " + serviceId + " (" + origin + ")";
    }
}
