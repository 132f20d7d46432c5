package dev.drove.executor.engine;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.EventType;
import io.dropwizard.lifecycle.Managed;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Closeable;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One subscription to the engine's container events ({@code die}, {@code oom}, {@code destroy}), shared by every
 * listener. The engine pushes events as they happen, so a container that dies is reported well within a second.
 *
 * <p>If the stream breaks (the engine restarts, the socket drops), it is opened again every
 * {@value #RESUBSCRIBE_SECONDS} s until that works, asking the engine to replay what happened since the last event
 * seen, so nothing in between is lost; a replayed event may reach listeners twice, so they must be idempotent.
 * Breaks and reconnects are logged.
 *
 * <pre>
 * start() ──▶ events stream (since = start time) ──▶ onNext ──▶ every listener (on the stream's thread; exceptions are logged)
 *                 │ error/end (not closed)
 *                 ▼
 *   after 1 s: subscribe again with since = last event time ──▶ …
 * </pre>
 */
@Singleton
public final class ContainerEvents implements Managed, AutoCloseable {
    static final long RESUBSCRIBE_SECONDS = 1;
    static final long OPEN_WAIT_SECONDS = 5;

    private static final Logger LOG = LoggerFactory.getLogger(ContainerEvents.class);

    private final DockerClients docker;
    private final List<Consumer<ContainerEvent>> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService resubscriber = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "container-events-resubscriber");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean closed;
    private volatile long lastEventNanos;
    private volatile long subscribedAtNanos;
    private Subscription current;
    private int failedAttempts;

    @Inject
    public ContainerEvents(DockerClients docker) {
        this.docker = docker;
    }

    /** Adds a listener; it is called on the stream's thread and should hand long work elsewhere. */
    public void addListener(Consumer<ContainerEvent> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<ContainerEvent> listener) {
        listeners.remove(listener);
    }

    /**
     * Opens the subscription and waits up to {@value #OPEN_WAIT_SECONDS} s for the engine to accept it (if it does
     * not, it keeps trying in the background). Events from the moment of this call on are reported, even if the
     * stream opens a little later: the engine replays them.
     */
    @Override
    public void start() throws InterruptedException {
        Subscription opening;
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("Container events were closed and cannot restart");
            }
            if (current != null) {
                return;
            }
            subscribedAtNanos = System.currentTimeMillis() * 1_000_000L;
            opening = subscribe();
        }
        if (opening != null && !opening.opened.await(OPEN_WAIT_SECONDS, TimeUnit.SECONDS)) {
            LOG.warn("The container engine has not opened the events stream within {} s; still trying",
                    OPEN_WAIT_SECONDS);
        }
    }

    /** Closes the subscription for good. */
    @Override
    public synchronized void stop() {
        closed = true;
        resubscriber.shutdownNow();
        if (current != null) {
            closeQuietly(current);
            current = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** Drops the current stream as if the engine had closed it; for tests of the resubscription. */
    synchronized void breakStream() {
        if (current != null) {
            closeQuietly(current);
        }
    }

    private synchronized Subscription subscribe() {
        if (closed) {
            return null;
        }
        var events = docker.streams().eventsCmd()
                .withEventTypeFilter(EventType.CONTAINER)
                .withEventFilter(Arrays.stream(ContainerEvent.Type.values()).map(ContainerEvent.Type::action)
                        .toArray(String[]::new));
        long since = lastEventNanos > 0 ? lastEventNanos + 1 : subscribedAtNanos;
        events.withSince("%d.%09d".formatted(since / 1_000_000_000L, since % 1_000_000_000L));
        Subscription subscription = new Subscription();
        current = subscription;
        try {
            events.exec(subscription);
        } catch (RuntimeException e) {
            subscription.onError(e);
        }
        return subscription;
    }

    private synchronized void streamEnded(Subscription subscription, String reason) {
        if (closed || subscription != current) {
            return;
        }
        failedAttempts++;
        if (failedAttempts == 1) {
            LOG.warn("The container events stream broke ({}); subscribing again every {} s", reason,
                    RESUBSCRIBE_SECONDS);
        } else {
            LOG.debug("Container events: attempt {} to subscribe again failed ({})", failedAttempts, reason);
        }
        resubscriber.schedule(this::subscribe, RESUBSCRIBE_SECONDS, TimeUnit.SECONDS);
    }

    private synchronized void streamOpened(Subscription subscription) {
        if (subscription == current && failedAttempts > 0) {
            LOG.info("Subscribed to container events again after {} attempt(s)", failedAttempts);
            failedAttempts = 0;
        }
    }

    private void dispatch(Event event) {
        if (event.getTimeNano() != null) {
            lastEventNanos = Math.max(lastEventNanos, event.getTimeNano());
        }
        var type = ContainerEvent.Type.ofAction(event.getAction() != null ? event.getAction() : event.getStatus());
        String id = event.getActor() != null && event.getActor().getId() != null ? event.getActor().getId()
                : event.getId();
        if (type.isEmpty() || id == null) {
            return;
        }
        ContainerEvent containerEvent = new ContainerEvent(id, type.get(), exitCode(event));
        LOG.debug("Container {} event {}", ContainerEngine.shortId(id), containerEvent);
        for (Consumer<ContainerEvent> listener : listeners) {
            try {
                listener.accept(containerEvent);
            } catch (RuntimeException e) {
                LOG.error("A container event listener failed on {}", containerEvent, e);
            }
        }
    }

    private static OptionalInt exitCode(Event event) {
        Map<String, String> attributes = event.getActor() == null ? null : event.getActor().getAttributes();
        String code = attributes == null ? null : attributes.get("exitCode");
        try {
            return code == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(code));
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    private static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException | RuntimeException e) {
            LOG.debug("Could not close the container events stream cleanly: {}", e.getMessage());
        }
    }

    /** One opened stream; reports its end exactly once. */
    private final class Subscription extends ResultCallback.Adapter<Event> {
        private final AtomicBoolean ended = new AtomicBoolean();
        private final CountDownLatch opened = new CountDownLatch(1);

        @Override
        public void onStart(Closeable stream) {
            super.onStart(stream);
            opened.countDown();
            streamOpened(this);
        }

        @Override
        public void onNext(Event event) {
            dispatch(event);
        }

        @Override
        public void onError(Throwable error) {
            closeQuietly(this);
            if (ended.compareAndSet(false, true)) {
                streamEnded(this, ContainerEngineException.reasonOf(error));
            }
        }

        @Override
        public void onComplete() {
            super.onComplete();
            if (ended.compareAndSet(false, true)) {
                streamEnded(this, "the engine ended the stream");
            }
        }
    }
}
