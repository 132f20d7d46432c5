package dev.drove.executor.engine;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** An engine outage is announced once, and ends only once the executor has resynchronised with the engine. */
class EngineWatchTest {
    private final AtomicBoolean answers = new AtomicBoolean(true);
    private final List<String> heard = new CopyOnWriteArrayList<>();
    private final EngineWatch watch = new EngineWatch("unix:///test.sock", () -> {
        if (!answers.get()) {
            throw new IllegalStateException("Connection refused");
        }
    });

    @Test
    void aFailedPingOpensOneOutageAndTheNextAnsweringPingResynchronisesAndClosesIt() {
        watch.addListener(recording(new AtomicInteger()));
        answers.set(false);

        watch.check();
        watch.check();
        assertThat(watch.isReachable()).isFalse();
        assertThat(watch.outage()).isPresent();

        answers.set(true);
        watch.check();

        assertThat(heard).containsExactly("unreachable: Connection refused", "answers again");
        assertThat(watch.isReachable()).isTrue();
        assertThat(watch.outage()).isEmpty();
        assertThat(watch.awaitReachable(Duration.ZERO)).isTrue();
    }

    @Test
    void aResynchronisationThatFailsKeepsTheOutageOpenUntilOneSucceeds() {
        var failuresLeft = new AtomicInteger(1);
        watch.addListener(recording(failuresLeft));
        answers.set(false);
        watch.check();
        answers.set(true);

        watch.check();
        assertThat(watch.isReachable()).isFalse();
        assertThat(watch.awaitReachable(Duration.ofMillis(50))).isFalse();

        watch.check();
        assertThat(watch.isReachable()).isTrue();
        assertThat(heard).containsExactly("unreachable: Connection refused", "resync failed", "answers again");
    }

    @Test
    void aCallerInDoubtPingsAtOnceAndOpensTheOutageWhenTheEngineDoesNotAnswer() {
        watch.addListener(recording(new AtomicInteger()));
        assertThat(watch.confirmReachable()).isTrue();

        answers.set(false);

        assertThat(watch.confirmReachable()).isFalse();
        assertThat(watch.confirmReachable()).isFalse();
        assertThat(heard).containsExactly("unreachable: Connection refused");
    }

    private EngineWatch.Listener recording(AtomicInteger resyncFailures) {
        return new EngineWatch.Listener() {
            @Override
            public void engineUnreachable(String engine, String reason) {
                heard.add("unreachable: " + reason);
            }

            @Override
            public void engineAnswersAgain(String engine, Duration outage) {
                if (resyncFailures.getAndDecrement() > 0) {
                    heard.add("resync failed");
                    throw new ContainerEngineException("Cannot list the executor's containers: EOF");
                }
                heard.add("answers again");
            }
        };
    }
}
