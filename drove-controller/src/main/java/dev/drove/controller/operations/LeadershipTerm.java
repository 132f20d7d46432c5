package dev.drove.controller.operations;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One stretch of leadership: the threads that run operations and the app monitor, which live and die with it, and
 * whether its first pass (recovery) is done. Operations ask {@link #isCurrent()} before every write.
 */
final class LeadershipTerm {
    private static final Logger log = LoggerFactory.getLogger(LeadershipTerm.class);

    private final ExecutorService workers = Executors.newCachedThreadPool(daemon("app-operation"));
    private final ScheduledExecutorService monitor = Executors.newSingleThreadScheduledExecutor(daemon("app-monitor"));
    private final CountDownLatch recovered = new CountDownLatch(1);
    private volatile boolean ended;

    boolean isCurrent() {
        return !ended;
    }

    /** Where operations and their parallel steps run. */
    ExecutorService workers() {
        return workers;
    }

    /** Where the app monitor runs, one pass at a time. */
    ScheduledExecutorService monitor() {
        return monitor;
    }

    void markRecovered() {
        recovered.countDown();
    }

    boolean awaitRecovery(Duration timeout) throws InterruptedException {
        return recovered.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Ends the term: operations notice within a moment, finish the message they are sending (a START whose PENDING
     * instance is stored still goes out), write nothing more and return. Waits up to {@code wait} for them, so the
     * next leader never sees a half-done step, then interrupts what is left.
     */
    void end(Duration wait) {
        ended = true;
        monitor.shutdownNow();
        workers.shutdown();
        try {
            if (!workers.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("Some operations did not stop within {} s; interrupting them", wait.toSeconds());
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
