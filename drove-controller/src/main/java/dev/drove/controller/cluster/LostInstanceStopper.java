package dev.drove.controller.cluster;

import dev.drove.models.instance.InstanceInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * LOST is terminal: when an executor comes back after its instances were marked LOST (and replaced elsewhere), it
 * still runs their containers and reports them alive. {@link InstanceStates} keeps them LOST and hands each such
 * report here; this asks the executor to stop that instance (STOP_INSTANCE, on a thread of its own so the report is
 * answered at once), so the replacement is the instance that stays.
 *
 * <p>An executor repeats itself (every state report, every snapshot, its ZooKeeper entry every second), so one
 * instance is asked at most once every {@link #ASK_AGAIN_AFTER}; a stop that did not get through is asked again
 * after that.
 */
final class LostInstanceStopper implements Consumer<InstanceInfo> {
    static final Duration ASK_AGAIN_AFTER = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(LostInstanceStopper.class);

    private final Supplier<ExecutorMessenger> messenger;
    private final Map<String, Long> askedAt = new ConcurrentHashMap<>();
    private final ExecutorService sender = Executors.newSingleThreadExecutor(runnable -> {
        var thread = new Thread(runnable, "lost-instance-stopper");
        thread.setDaemon(true);
        return thread;
    });

    /** @param messenger the leader's messenger, looked up when the first stop is sent */
    LostInstanceStopper(Supplier<ExecutorMessenger> messenger) {
        this.messenger = messenger;
    }

    @Override
    public void accept(InstanceInfo alive) {
        long now = System.nanoTime();
        askedAt.values().removeIf(at -> now - at > ASK_AGAIN_AFTER.toNanos());
        if (askedAt.putIfAbsent(alive.instanceId(), now) != null) {
            return;
        }
        log.warn("Instance {} of {} was marked LOST and replaced, but executor {} reports it {}; it stays LOST and "
                        + "the executor is told to stop its container", alive.instanceId(), alive.appId(),
                alive.executorId(), alive.state());
        sender.execute(() -> stop(alive));
    }

    private void stop(InstanceInfo alive) {
        try {
            var delivery = messenger.get().stopInstance(alive.executorId(), alive.instanceId());
            if (!delivery.isAccepted()) {
                log.warn("Executor {} did not take the stop of LOST instance {}: {} (asked again if it still "
                        + "reports it after {} s)", alive.executorId(), alive.instanceId(), delivery.reason(),
                        ASK_AGAIN_AFTER.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("Could not tell executor {} to stop LOST instance {}: {}", alive.executorId(),
                    alive.instanceId(), e.getMessage(), e);
        }
    }
}
