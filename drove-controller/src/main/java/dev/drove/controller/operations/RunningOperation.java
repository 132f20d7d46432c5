package dev.drove.controller.operations;

import dev.drove.models.operation.ApplicationOperation;
import dev.drove.models.operation.ClusterOpSpec;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * One operation being carried out on one application: what it is, why it runs, how (its op spec), and whether it
 * should stop: cancelled by a user (stops after its current step) or abandoned because this controller no longer
 * leads (stops at once, writing nothing more).
 */
final class RunningOperation {

    /** Why an operation runs. */
    enum Origin {
        /** A user submitted it. */
        SUBMITTED,
        /** It was stored as in flight, by the previous leader or an earlier term; it is picked up where it stands. */
        RESUMED,
        /** The app monitor made it to repair the instance count. */
        MONITOR
    }

    private final String appId;
    private final ApplicationOperation operation;
    private final Origin origin;
    private final boolean outage;
    private final BooleanSupplier leading;
    private final ExecutorService workers;
    private final AtomicBoolean cancelled = new AtomicBoolean();

    /**
     * @param outage  the monitor found instances missing: the application passes through OUTAGE_DETECTED
     * @param leading whether the leadership term this operation started in still holds
     * @param workers where the operation's parallel steps run (the term's threads)
     */
    RunningOperation(String appId, ApplicationOperation operation, Origin origin, boolean outage,
                     BooleanSupplier leading, ExecutorService workers) {
        this.appId = appId;
        this.operation = operation;
        this.origin = origin;
        this.outage = outage;
        this.leading = leading;
        this.workers = workers;
    }

    String appId() {
        return appId;
    }

    ApplicationOperation operation() {
        return operation;
    }

    Origin origin() {
        return origin;
    }

    boolean isOutageRepair() {
        return outage;
    }

    ClusterOpSpec opSpec() {
        return operation.opSpec() == null ? ClusterOpSpec.DEFAULT : operation.opSpec();
    }

    /** How long one instance may take to become HEALTHY or to stop. */
    Duration timeout() {
        return opSpec().timeout().toJavaDuration();
    }

    int parallelism() {
        return Math.max(1, opSpec().parallelism());
    }

    /** Where this operation's parallel instance steps run (shared by every operation of the term). */
    ExecutorService workers() {
        return workers;
    }

    /** Asks the operation to stop after its current step. Returns false when it was asked already. */
    boolean cancel() {
        return cancelled.compareAndSet(false, true);
    }

    boolean isCancelled() {
        return cancelled.get();
    }

    /** Whether the operation must stop now: leadership is gone. */
    boolean isAbandoned() {
        return !leading.getAsBoolean();
    }

    /** Throws {@link LeadershipLostException} when leadership is gone; call before every write. */
    void requireLeadership() {
        if (isAbandoned()) {
            throw new LeadershipLostException(appId);
        }
    }

    @Override
    public String toString() {
        return operation.operationType() + " of " + appId + " (" + origin + ")";
    }
}
