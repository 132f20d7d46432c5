package dev.drove.controller.blacklist;

import dev.drove.common.errors.ApiException;
import dev.drove.controller.statestore.AppRuntimeInfo;
import dev.drove.controller.statestore.ApplicationStore;
import dev.drove.controller.statestore.InstanceStore;
import dev.drove.models.application.ApplicationInfo;
import dev.drove.models.instance.InstanceInfo;
import dev.drove.models.operation.ApplicationOperation;
import dev.drove.models.operation.ApplicationReplaceInstancesOperation;
import dev.drove.models.operation.ClusterOpSpec;
import dev.drove.models.operation.FailureStrategy;
import io.dropwizard.util.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Moves application instances off blacklisted executors through the application engine's REPLACE_INSTANCES: for each
 * instance a replacement starts elsewhere (the scheduler skips blacklisted executors) and must be HEALTHY before the
 * old one stops, so the application never runs fewer healthy instances than it had. Parallelism is 1: the cluster
 * needs room for one extra instance at a time, and one application is moved at a time ({@link #move} waits until
 * the operation has ended).
 */
final class Migration {
    /** How a {@link #move} ended. */
    enum Outcome {
        /** Every instance of the move is gone from the blacklisted executors. */
        MOVED,
        /** The engine did not take the operation now (busy with another, or not RUNNING); try again later. */
        REFUSED,
        /** The operation ended but some instances are still there (no room elsewhere, a replacement failed). */
        FAILED,
        /** The operation had not ended when the wait ran out; it goes on without the migration waiting. */
        UNFINISHED
    }

    private static final Logger log = LoggerFactory.getLogger(Migration.class);

    private final ApplicationStore applications;
    private final InstanceStore instances;
    private final Consumer<ApplicationOperation> operations;
    private final ClusterOpSpec opSpec;
    private final java.time.Duration pollInterval;

    /**
     * @param operations   submits an operation to the application engine, throwing {@link ApiException} when it
     *                     refuses it
     * @param timeout      the timeout of each start and stop (the controller's {@code clusterOpTimeout})
     * @param pollInterval how often the end of an operation is looked for
     */
    Migration(ApplicationStore applications, InstanceStore instances, Consumer<ApplicationOperation> operations,
              Duration timeout, java.time.Duration pollInterval) {
        this.applications = applications;
        this.instances = instances;
        this.operations = operations;
        this.opSpec = new ClusterOpSpec(timeout, 1, FailureStrategy.STOP);
        this.pollInterval = pollInterval;
    }

    /** The moves that would take every application instance off {@code blacklisted} now, in order. */
    List<Move> plan(Set<String> blacklisted) {
        if (blacklisted.isEmpty()) {
            return List.of();
        }
        var byApp = new LinkedHashMap<String, List<InstanceInfo>>();
        for (ApplicationInfo application : applications.all()) {
            byApp.put(application.appId(), instances.all(application.appId()));
        }
        return Move.plan(blacklisted, byApp);
    }

    /**
     * Submits REPLACE_INSTANCES of the move's instances (replacements first, parallelism 1) and waits until the
     * application has no operation in flight, for at most a start and a stop timeout per instance.
     *
     * @throws InterruptedException when the wait is interrupted (leadership lost); the operation goes on
     */
    Outcome move(Move move) throws InterruptedException {
        var appId = move.appId();
        try {
            operations.accept(new ApplicationReplaceInstancesOperation(appId, move.instanceIds(), false, opSpec));
        } catch (ApiException e) {
            log.info("App {} is not moved off blacklisted executors {} now: {}", appId, move.executorIds(),
                    e.getMessage());
            return Outcome.REFUSED;
        }
        log.info("Moving {} instances of app {} off blacklisted executors {}, one at a time: {}",
                move.instanceIds().size(), appId, move.executorIds(), move.instanceIds());
        var waitMillis = opSpec.timeout().toMilliseconds() * (2L * move.instanceIds().size() + 1);
        long deadline = System.nanoTime() + waitMillis * 1_000_000L;
        while (hasOperation(appId)) {
            if (System.nanoTime() > deadline) {
                log.warn("Moving app {} off blacklisted executors {} has not ended after {} s; leaving it to "
                        + "finish", appId, move.executorIds(), waitMillis / 1000);
                return Outcome.UNFINISHED;
            }
            Thread.sleep(pollInterval.toMillis());
        }
        var left = instances.all(appId).stream()
                .filter(i -> i.state() != null && !i.state().isTerminal() && move.instanceIds()
                        .contains(i.instanceId()))
                .map(InstanceInfo::instanceId)
                .toList();
        if (!left.isEmpty()) {
            log.warn("Moving app {} off blacklisted executors {} ended with {} of its instances still there: {}",
                    appId, move.executorIds(), left.size(), left);
            return Outcome.FAILED;
        }
        log.info("App {} is off blacklisted executors {}", appId, move.executorIds());
        return Outcome.MOVED;
    }

    private boolean hasOperation(String appId) {
        return applications.findRuntime(appId).map(AppRuntimeInfo::hasOperation).orElse(false);
    }
}
