package dev.drove.controller.localservices;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One stretch of leadership for local services: the threads that run their operations and their monitor, which
 * live and die with it. Operations ask {@link #isCurrent()} before every write.
 */
final class ServiceTerm {
    private static final Logger log = LoggerFactory.getLogger(ServiceTerm.class);

    private final ExecutorService workers = Executors.newCachedThreadPool(daemon("service-operation"));
    private final ScheduledExecutorService monitor =
            Executors.newSingleThreadScheduledExecutor(daemon("service-monitor"));
    private volatile boolean ended;

    boolean isCurrent() {
        return !ended;
    }

    ExecutorService workers() {
        return workers;
    }

    ScheduledExecutorService monitor() {
        return monitor;
    }

    /**
     * Ends the term: operations notice within a moment and write nothing more. Waits up to {@code wait} for them,
     * then interrupts what is left.
     */
    void end(Duration wait) {
        ended = true;
        monitor.shutdownNow();
        workers.shutdown();
        try {
            if (!workers.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("Some local service operations did not stop within {} s; interrupting them",
                        wait.toSeconds());
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory daemon(String prefix) {
        var count = new AtomicInteger();
        return runnable -> {
            var thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
