package dev.drove.controller.cluster;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * LOST is terminal: when an executor comes back after its instances were marked LOST (and replaced), it still runs
 * their containers and reports them alive. The leader keeps them LOST ({@link InstanceStates} for application
 * instances, the local service engine for local service instances) and hands each such report here; this asks the
 * executor to stop that instance (on a thread of its own, so the report is answered at once), so the replacement is
 * the instance that stays.
 *
 * <p>An executor repeats itself (every state report, every snapshot, its ZooKeeper entry), so one instance is asked
 * at most once every {@link #ASK_AGAIN_AFTER}; a stop that did not get through is asked again after that.
 */
public final class LostInstanceStopper {
    static final Duration ASK_AGAIN_AFTER = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(LostInstanceStopper.class);

    /** Sends the stop of one instance to its executor. */
    @FunctionalInterface
    public interface Stop {
        Delivery stop(String executorId, String instanceId) throws InterruptedException;
    }

    private final String kind;
    private final Stop stop;
    private final Map<String, Long> askedAt = new ConcurrentHashMap<>();
    private final ExecutorService sender = Executors.newSingleThreadExecutor(runnable -> {
        var thread = new Thread(runnable, "lost-instance-stopper");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * @param kind what the instances are, for the log ("Instance", "Local service instance")
     * @param stop sends the stop (STOP_INSTANCE, STOP_LOCAL_SERVICE_INSTANCE)
     */
    public LostInstanceStopper(String kind, Stop stop) {
        this.kind = kind;
        this.stop = stop;
    }

    /** Executor {@code executorId} reports instance {@code instanceId} of {@code ownerId} alive in {@code state}. */
    public void reportedAlive(String instanceId, String ownerId, String executorId, Object state) {
        long now = System.nanoTime();
        askedAt.values().removeIf(at -> now - at > ASK_AGAIN_AFTER.toNanos());
        if (askedAt.putIfAbsent(instanceId, now) != null) {
            return;
        }
        log.warn("{} {} of {} was marked LOST and replaced, but executor {} reports it {}; it stays LOST and the "
                + "executor is told to stop its container", kind, instanceId, ownerId, executorId, state);
        sender.execute(() -> send(instanceId, executorId));
    }

    private void send(String instanceId, String executorId) {
        try {
            var delivery = stop.stop(executorId, instanceId);
            if (!delivery.isAccepted()) {
                log.warn("Executor {} did not take the stop of LOST instance {}: {} (asked again if it still "
                        + "reports it after {} s)", executorId, instanceId, delivery.reason(),
                        ASK_AGAIN_AFTER.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("Could not tell executor {} to stop LOST instance {}: {}", executorId, instanceId,
                    e.getMessage(), e);
        }
    }
}
