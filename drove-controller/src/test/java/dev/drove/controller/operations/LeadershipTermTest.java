package dev.drove.controller.operations;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The instance steps of all operations share a bounded set of threads; the rest wait their turn and still run. */
class LeadershipTermTest {

    @Test
    void stepsBeyondTheBoundQueueAndRunOnceThreadsFreeUp() throws Exception {
        var term = new LeadershipTerm();
        var release = new CountDownLatch(1);
        var running = new AtomicInteger();
        var peak = new AtomicInteger();
        int asked = LeadershipTerm.MAX_STEP_THREADS + 40;
        try {
            var steps = new ArrayList<Future<?>>();
            for (int i = 0; i < asked; i++) {
                steps.add(term.steps().submit(() -> {
                    peak.accumulateAndGet(running.incrementAndGet(), Math::max);
                    try {
                        release.await(20, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        running.decrementAndGet();
                    }
                }));
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> running.get() == LeadershipTerm.MAX_STEP_THREADS);
            Thread.sleep(300); // the 40 beyond the bound had time to start, were there no bound

            assertThat(peak.get()).isEqualTo(LeadershipTerm.MAX_STEP_THREADS);
            release.countDown();
            for (var step : steps) {
                step.get(20, TimeUnit.SECONDS);
            }
            assertThat(steps).allMatch(Future::isDone);
        } finally {
            release.countDown();
            term.end(Duration.ofSeconds(5));
        }
    }
}
