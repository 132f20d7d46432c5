package dev.drove.controller;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

import static dev.drove.controller.AppsInEveryState.RUNNING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Hostile input against a controller as production runs it (issue 7): every row of the table is refused with a 4xx
 * whose body is the API's JSON envelope (or empty), carries no stack trace, and names the field or the reason; and no
 * row changes anything in ZooKeeper, compared byte for byte after each row and after the whole table. Applications
 * are held in every state ({@link AppsInEveryState}) so operations the state machine refuses can be thrown at each.
 *
 * <p>Nothing is excluded from the ZooKeeper comparison: this controller keeps no heartbeat in ZooKeeper (its node data
 * changes only with leadership or a reconnection), and the fake executors publish only when an instance changes,
 * which no held application does.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileInputTest {
    private static HostileCluster cluster;
    private static AppsInEveryState apps;
    private static Map<String, String> before;

    @BeforeAll
    static void holdAnApplicationInEveryState() throws Exception {
        cluster = new HostileCluster();
        apps = AppsInEveryState.create(cluster);
        before = settledSnapshot();
    }

    @AfterAll
    static void stop() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Order(1)
    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void aHostileRequestIsRefusedWithAClearClientErrorAndChangesNothing(HostileRequests.Hostile row) {
        var snapshot = cluster.snapshot();
        var started = System.nanoTime();

        var answer = cluster.call(row.method(), row.path(), row.headers(), row.body().publisher().get());

        var took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(answer.status()).as("status of %s, body %s", row, answer.body()).isEqualTo(row.status());
        assertThat(answer.status()).isBetween(400, 499);
        assertThat(answer.body()).as("body").doesNotContain("Exception", "at dev.drove", "at org.", "\tat ");
        if (!answer.body().isEmpty()) {
            var json = answer.json();
            assertThat(json.path("status").asText()).as("envelope of %s", answer.body()).isEqualTo("FAILED");
            assertThat(explanation(json)).as("explanation in %s", answer.body()).contains(row.reason());
        } else {
            assertThat(row.reason()).as("an empty body explains nothing").isEmpty();
        }
        assertThat(took).as("time to refuse").isLessThan(Duration.ofSeconds(10));
        assertThat(cluster.snapshot()).as("ZooKeeper after %s", row).isEqualTo(snapshot);
    }

    static Stream<HostileRequests.Hostile> table() {
        return HostileRequests.all(apps).stream();
    }

    @Order(2)
    @Test
    void afterTheWholeTableZooKeeperIsByteIdenticalAndTheControllerStillAnswers() {
        assertThat(settledSnapshot()).isEqualTo(before);
        assertThat(cluster.get("/apis/v1/ping").status()).isEqualTo(200);
        assertThat(cluster.get(AppsInEveryState.app(RUNNING)).json().path("data").path("state").asText())
                .isEqualTo("RUNNING");
    }

    /** The message and every validation error of an envelope, as one text. */
    private static String explanation(JsonNode envelope) {
        var text = new StringBuilder(envelope.path("message").asText());
        envelope.path("data").path("validationErrors").forEach(error -> text.append(" | ").append(error.asText()));
        return text.toString();
    }

    /** The tree once two reads a second apart agree: whatever the setup started has finished writing. */
    private static Map<String, String> settledSnapshot() {
        var last = new Object() {
            Map<String, String> tree = cluster.snapshot();
        };
        await("ZooKeeper to settle").atMost(Duration.ofSeconds(30))
                .pollDelay(Duration.ofSeconds(1)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                    var now = cluster.snapshot();
                    var same = now.equals(last.tree);
                    last.tree = now;
                    return same;
                });
        return last.tree;
    }
}
