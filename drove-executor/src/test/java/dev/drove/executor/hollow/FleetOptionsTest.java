package dev.drove.executor.hollow;

import dev.drove.models.info.nodedata.NodeType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** The fleet's command line: defaults, both spellings of an option, and refusals that name the problem. */
class FleetOptionsTest {

    @Test
    void onlyZooKeeperIsRequiredAndTheRestDefaultsToOneRealSizedExecutor() {
        var options = FleetOptions.parse("--zk", "127.0.0.1:2181");
        assertThat(options.count()).isEqualTo(1);
        assertThat(options.firstPort()).isEqualTo(20_000);
        assertThat(options.host()).isEqualTo("127.0.0.1");
        assertThat(options.shape()).isEqualTo(HollowShape.DEFAULT);
        assertThat(options.pace().perState()).isEqualTo(Duration.ofMillis(100));
        assertThat(options.publishPeriod()).isEqualTo(Duration.ofSeconds(20));
        assertThat(options.auth().usesDevelopmentSecret(NodeType.EXECUTOR)).isTrue();
    }

    @Test
    void secretsShapeAndPaceAreTakenFromEitherSpelling() {
        var options = FleetOptions.parse("--zk=zk:2181", "--count", "250", "--first-port=30000", "--secret", "e",
                "--controller-secret", "c", "--numa-nodes", "1", "--cores-per-node", "8",
                "--memory-per-node-mb", "1024", "--tags", "gpu, ssd", "--state-ms", "5", "--task-run-ms", "7");
        assertThat(options.count()).isEqualTo(250);
        assertThat(options.firstPort()).isEqualTo(30_000);
        assertThat(options.auth().secretFor(NodeType.EXECUTOR)).isEqualTo("e");
        assertThat(options.auth().secretFor(NodeType.CONTROLLER)).isEqualTo("c");
        assertThat(options.shape()).isEqualTo(new HollowShape(1, 8, 1024, Set.of("gpu", "ssd")));
        assertThat(options.pace().taskRun()).isEqualTo(Duration.ofMillis(7));
        var offer = options.shape().offer("hollow-1");
        assertThat(offer.totalCores()).isEqualTo(8);
        assertThat(offer.tags()).containsExactly("gpu", "hollow-1", "ssd");
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                arguments("no ZooKeeper", new String[]{"--count", "3"}, "--zk is required"),
                arguments("an unknown option", new String[]{"--zk", "z", "--colour", "red"}, "Unknown option --colour"),
                arguments("a missing value", new String[]{"--zk"}, "--zk needs a value"),
                arguments("a word for a number", new String[]{"--zk", "z", "--count", "many"},
                        "--count must be a whole number"),
                arguments("ports beyond 65535", new String[]{"--zk", "z", "--count", "10", "--first-port", "65530"},
                        "ports within 1..65535"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void aBadCommandLineIsRefused(String name, String[] args, String message) {
        assertThatThrownBy(() -> FleetOptions.parse(args)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }
}
