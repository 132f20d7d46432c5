package dev.drove.controller.blacklist;

import dev.drove.models.instance.InstanceInfo;
import dev.drove.models.instance.InstanceState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static dev.drove.controller.blacklist.TestApps.instance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Which application instances a pass moves off blacklisted executors, and in what order. */
class MoveTest {

    static Stream<Arguments> rows() {
        return Stream.of(
                row("nothing runs on the blacklisted executor", Set.of("A"),
                        Map.of("APP-1", List.of(instance("APP-1", "i1", "B", InstanceState.HEALTHY))),
                        List.of()),
                row("only the instances on the blacklisted executor move", Set.of("A"),
                        Map.of("APP-1", List.of(instance("APP-1", "i1", "A", InstanceState.HEALTHY),
                                instance("APP-1", "i2", "B", InstanceState.HEALTHY),
                                instance("APP-1", "i3", "A", InstanceState.HEALTHY))),
                        List.of("APP-1 [i1, i3] off [A]")),
                row("an app on two blacklisted executors moves once", Set.of("A", "C"),
                        Map.of("APP-1", List.of(instance("APP-1", "i1", "A", InstanceState.HEALTHY),
                                instance("APP-1", "i2", "C", InstanceState.HEALTHY),
                                instance("APP-1", "i3", "B", InstanceState.HEALTHY))),
                        List.of("APP-1 [i1, i2] off [A, C]")),
                row("instances that ended stay where they are", Set.of("A"),
                        Map.of("APP-1", List.of(instance("APP-1", "i1", "A", InstanceState.STOPPED),
                                instance("APP-1", "i2", "A", InstanceState.LOST))),
                        List.of()),
                row("instances starting or unhealthy there move too", Set.of("A"),
                        Map.of("APP-1", List.of(instance("APP-1", "i1", "A", InstanceState.PENDING),
                                instance("APP-1", "i2", "A", InstanceState.UNHEALTHY),
                                instance("APP-1", "i3", "A", InstanceState.STOPPING))),
                        List.of("APP-1 [i1, i2, i3] off [A]")),
                row("apps move one after the other by appId", Set.of("A"),
                        Map.of("ZED-1", List.of(instance("ZED-1", "z1", "A", InstanceState.HEALTHY)),
                                "ALPHA-1", List.of(instance("ALPHA-1", "a1", "A", InstanceState.HEALTHY)),
                                "MID-1", List.of(instance("MID-1", "m1", "B", InstanceState.HEALTHY)),
                                "BETA-2", List.of(instance("BETA-2", "b1", "A", InstanceState.HEALTHY))),
                        List.of("ALPHA-1 [a1] off [A]", "BETA-2 [b1] off [A]", "ZED-1 [z1] off [A]")),
                row("with nothing blacklisted nothing moves", Set.of(),
                        Map.of("APP-1", List.of(instance("APP-1", "i1", "A", InstanceState.HEALTHY))),
                        List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void aPassMovesEachAppWithInstancesOnBlacklistedExecutorsOnceInAppIdOrder(
            String name, Set<String> blacklisted, Map<String, List<InstanceInfo>> instances, List<String> expected) {
        var moves = Move.plan(blacklisted, instances);

        assertThat(moves.stream().map(move -> move.appId() + " " + move.instanceIds() + " off "
                + move.executorIds()).toList()).isEqualTo(expected);
    }

    private static Arguments row(String name, Set<String> blacklisted, Map<String, List<InstanceInfo>> instances,
                                 List<String> expected) {
        return arguments(name, blacklisted, instances, expected);
    }
}
