package dev.drove.controller.operations;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One stretch of leadership: the threads that run operations, their instance steps and the app monitor, which live
 * and die with it, and whether its first pass (recovery) is done. Operations ask {@link #isCurrent()} before every
 * write.
 *
 * <p>An operation has a thread of its own; the steps of all operations (start or stop one instance and wait for it)
 * share at most {@link #MAX_STEP_THREADS} threads and queue beyond that. A step's wait for its instance starts when
 * the step runs, so queueing does not eat into the op spec's timeout. Without the bound, 1,000 apps created at once
 * with a parallelism of 20 asked for 20,000 threads and the controller died for want of native threads (API bench,
 * 1,000 hollow executors).
 */
final class LeadershipTerm {
    private static final Logger log = LoggerFactory.getLogger(LeadershipTerm.class);

    /** Instance steps under way at once across every operation of the term. */
    static final int MAX_STEP_THREADS = 512;

    private final ExecutorService workers = Executors.newCachedThreadPool(daemon("app-operation"));
    private final ThreadPoolExecutor steps = new ThreadPoolExecutor(MAX_STEP_THREADS, MAX_STEP_THREADS, 30,
            TimeUnit.SECONDS, new LinkedBlockingQueue<>(), daemon("instance-step"));
    private final ScheduledExecutorService monitor = Executors.newSingleThreadScheduledExecutor(daemon("app-monitor"));
    private final CountDownLatch recovered = new CountDownLatch(1);
    private volatile boolean ended;

    LeadershipTerm() {
        steps.allowCoreThreadTimeOut(true); // an idle term keeps no step threads
    }

    boolean isCurrent() {
        return !ended;
    }

    /** Where operations run, one thread each. */
    ExecutorService workers() {
        return workers;
    }

    /** Where the parallel instance steps of operations run, at most {@link #MAX_STEP_THREADS} at once. */
    ExecutorService steps() {
        return steps;
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
        steps.shutdown();
        long deadline = System.nanoTime() + wait.toNanos();
        try {
            if (!workers.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS)
                    || !steps.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                log.warn("Some operations did not stop within {} s; interrupting them", wait.toSeconds());
                workers.shutdownNow();
                steps.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            steps.shutdownNow();
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
