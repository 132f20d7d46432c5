package dev.drove.controller.localservices;

import dev.drove.controller.statestore.LocalServiceInstanceStore;
import dev.drove.controller.statestore.LocalServiceStore;
import dev.drove.models.instance.LocalServiceInstanceInfo;
import dev.drove.models.instance.LocalServiceInstanceState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The one way local service instance infos change on the leader, and where operations wait for them.
 * {@link #report} takes what an executor says: it replaces the stored info unless that is newer or LOST. LOST is
 * terminal (the engine has started a replacement): an executor that comes back reporting such an instance alive is
 * told to stop it ({@link #whenLostInstanceReportedAlive}). {@link #record} saves what the controller
 * decides (PENDING before a start, STOPPED, LOST). Every change wakes {@link #await}ers; a change of state is passed
 * to the listeners. Thread-safe.
 */
final class ServiceInstanceStates {
    private static final Logger log = LoggerFactory.getLogger(ServiceInstanceStates.class);
    private static final long RECHECK_MILLIS = 250;

    private final LocalServiceInstanceStore instances;
    private final LocalServiceStore services;
    private final List<Consumer<LocalServiceInstanceInfo>> listeners = new CopyOnWriteArrayList<>();
    private volatile Consumer<LocalServiceInstanceInfo> lostReportedAlive = info -> {
    };
    private final Object signal = new Object();
    private long version; // guarded by signal

    ServiceInstanceStates(LocalServiceInstanceStore instances, LocalServiceStore services) {
        this.instances = instances;
        this.services = services;
    }

    /**
     * Sets what happens when an executor reports alive an instance stored LOST: the executor is told to stop it.
     * Called outside any lock, on the reporting thread; it must return quickly.
     */
    void whenLostInstanceReportedAlive(Consumer<LocalServiceInstanceInfo> handler) {
        this.lostReportedAlive = handler;
    }

    /** Takes an executor's report; ignored for an unknown service, when the stored info is newer, or LOST. */
    void report(LocalServiceInstanceInfo reported) {
        if (reported.serviceId() == null || reported.instanceId() == null || reported.state() == null) {
            log.warn("Ignoring a local service instance report without serviceId, instanceId or state: {}",
                    reported);
            return;
        }
        Optional<LocalServiceInstanceInfo> stored;
        boolean saved;
        synchronized (this) {
            stored = instances.find(reported.serviceId(), reported.instanceId());
            if (stored.isEmpty() && services.find(reported.serviceId()).isEmpty()) {
                log.debug("Ignoring instance {} of unknown local service {}", reported.instanceId(),
                        reported.serviceId());
                return;
            }
            saved = stored.isEmpty() || supersedes(reported, stored.get());
            if (saved) {
                instances.save(reported);
            }
        }
        if (saved) {
            changed(stored, reported);
        } else if (stored.get().state() == LocalServiceInstanceState.LOST && !reported.state().isTerminal()) {
            lostReportedAlive.accept(reported);
        }
    }

    /** Saves a decision of the controller about one instance, whatever is stored. */
    void record(LocalServiceInstanceInfo decided) {
        Optional<LocalServiceInstanceInfo> stored;
        synchronized (this) {
            stored = instances.find(decided.serviceId(), decided.instanceId());
            instances.save(decided);
        }
        changed(stored, decided);
    }

    /** Calls {@code listener} with every instance saved in a state other than its previous one; it must be quick. */
    void addListener(Consumer<LocalServiceInstanceInfo> listener) {
        listeners.add(listener);
    }

    Optional<LocalServiceInstanceInfo> find(String serviceId, String instanceId) {
        return instances.find(serviceId, instanceId);
    }

    ServiceInstances of(String serviceId) {
        return new ServiceInstances(instances.all(serviceId));
    }

    /**
     * Waits until the stored info of the instance satisfies {@code done}, at most {@code timeout}, giving up early
     * when {@code abandoned} turns true. Returns the info that satisfied it; empty on timeout or when abandoned.
     */
    Optional<LocalServiceInstanceInfo> await(String serviceId, String instanceId,
                                             Predicate<LocalServiceInstanceInfo> done, Duration timeout,
                                             BooleanSupplier abandoned) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long seen;
            synchronized (signal) {
                seen = version;
            }
            var current = instances.find(serviceId, instanceId);
            if (current.isPresent() && done.test(current.get())) {
                return current;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0 || abandoned.getAsBoolean()) {
                return Optional.empty();
            }
            synchronized (signal) {
                if (version == seen) {
                    signal.wait(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), RECHECK_MILLIS)));
                }
            }
        }
    }

    /** The same instance in {@code state} now, with {@code error} as its message. */
    static LocalServiceInstanceInfo ended(LocalServiceInstanceInfo instance, LocalServiceInstanceState state,
                                          String error) {
        return new LocalServiceInstanceInfo(instance.serviceId(), instance.serviceName(), instance.instanceId(),
                instance.executorId(), instance.localInfo(), instance.resources(), state, instance.metadata(), error,
                instance.created(), new Date());
    }

    /** Whether a report replaces the stored info: it is not older, and the stored one is not LOST (terminal). */
    static boolean supersedes(LocalServiceInstanceInfo reported, LocalServiceInstanceInfo stored) {
        if (stored.state() == LocalServiceInstanceState.LOST) {
            return false;
        }
        return millis(reported.updated()) >= millis(stored.updated());
    }

    private void changed(Optional<LocalServiceInstanceInfo> before, LocalServiceInstanceInfo after) {
        synchronized (signal) {
            version++;
            signal.notifyAll();
        }
        if (before.map(info -> info.state() != after.state()).orElse(true)) {
            for (var listener : listeners) {
                try {
                    listener.accept(after);
                } catch (RuntimeException e) {
                    log.warn("A listener failed on instance {} of local service {}: {}", after.instanceId(),
                            after.serviceId(), e.getMessage(), e);
                }
            }
        }
    }

    private static long millis(Date date) {
        return date == null ? 0L : date.getTime();
    }
}
