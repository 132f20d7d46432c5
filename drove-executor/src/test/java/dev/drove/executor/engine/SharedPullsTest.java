package dev.drove.executor.engine;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class SharedPullsTest {
    private static final String IMAGE = "registry.local/drove/app:1";
    private static final Duration LONG = Duration.ofSeconds(30);

    private final SharedPulls pulls = new SharedPulls();
    private final AtomicInteger enginePulls = new AtomicInteger();
    private final CountDownLatch registryAnswers = new CountDownLatch(1);
    private final ExecutorService callers = Executors.newCachedThreadPool();

    @AfterEach
    void stopCallers() {
        registryAnswers.countDown();
        callers.shutdownNow();
    }

    /** A pull that takes until the registry answers, then has {@code outcome}. */
    private String slowPull(String outcome) {
        enginePulls.incrementAndGet();
        try {
            registryAnswers.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return outcome;
    }

    @Test
    void instancesStartingTogetherShareOneEnginePullAndItsOutcome() throws Exception {
        var outcomes = new ArrayList<Future<String>>();
        outcomes.add(callers.submit(() -> pulls.pull(IMAGE, LONG, timeout -> slowPull(null))));
        await().until(() -> enginePulls.get() == 1);
        for (int i = 0; i < 4; i++) {
            outcomes.add(callers.submit(() -> pulls.pull(IMAGE, LONG, timeout -> slowPull(null))));
        }
        await().until(() -> pulls.waiting(IMAGE) == 4);

        registryAnswers.countDown();

        for (var outcome : outcomes) {
            assertThat(outcome.get(10, TimeUnit.SECONDS)).isNull();
        }
        assertThat(enginePulls).hasValue(1);
    }

    @Test
    void aFailedPullIsEveryWaitersFailure() throws Exception {
        var first = callers.submit(() -> pulls.pull(IMAGE, LONG, timeout -> slowPull("manifest unknown")));
        await().until(() -> enginePulls.get() == 1);
        var second = callers.submit(() -> pulls.pull(IMAGE, LONG, timeout -> slowPull(null)));
        await().until(() -> pulls.waiting(IMAGE) == 1);

        registryAnswers.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("manifest unknown");
        assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo("manifest unknown");
        assertThat(enginePulls).hasValue(1);
    }

    @Test
    void aPullAfterTheSharedOneEndedAsksTheEngineAgain() {
        registryAnswers.countDown();

        assertThat(pulls.pull(IMAGE, LONG, timeout -> slowPull(null))).isNull();
        assertThat(pulls.pull(IMAGE, LONG, timeout -> slowPull("gone"))).isEqualTo("gone");
        assertThat(enginePulls).hasValue(2);
    }

    @Test
    void differentImagesArePulledApart() throws Exception {
        var first = callers.submit(() -> pulls.pull(IMAGE, LONG, timeout -> slowPull(null)));
        var other = callers.submit(() -> pulls.pull("registry.local/drove/other:1", LONG, timeout -> slowPull(null)));
        await().until(() -> enginePulls.get() == 2);

        registryAnswers.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).isNull();
        assertThat(other.get(10, TimeUnit.SECONDS)).isNull();
    }

    @Test
    void aWaiterGivesUpAfterItsOwnTimeoutAsItsOwnPullWould() throws Exception {
        var first = callers.submit(() -> pulls.pull(IMAGE, LONG, timeout -> slowPull(null)));
        await().until(() -> enginePulls.get() == 1);

        assertThat(pulls.pull(IMAGE, Duration.ofSeconds(1), timeout -> slowPull(null)))
                .isEqualTo("timed out after 1 s");

        registryAnswers.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS)).isNull();
        assertThat(enginePulls).hasValue(1);
    }

    @Test
    void aPullThatThrowsFailsItsCallerAndTellsTheWaitersWhy() throws Exception {
        var first = callers.submit(() -> pulls.pull(IMAGE, LONG, timeout -> {
            slowPull(null);
            throw new ContainerEngineException("Interrupted while pulling " + IMAGE);
        }));
        await().until(() -> enginePulls.get() == 1);
        var second = callers.submit(() -> pulls.pull(IMAGE, LONG, timeout -> slowPull(null)));
        await().until(() -> pulls.waiting(IMAGE) == 1);

        registryAnswers.countDown();

        assertThatThrownBy(() -> first.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(ContainerEngineException.class);
        assertThat(second.get(10, TimeUnit.SECONDS))
                .isEqualTo("the shared pull failed: Interrupted while pulling " + IMAGE);
        assertThat(pulls.waiting(IMAGE)).isZero();
        assertThat(enginePulls).hasValue(1);
    }
}
