package dev.drove.executor.hollow;

import dev.drove.common.auth.ClusterAuthConfig;
import dev.drove.common.auth.ClusterSecret;
import dev.drove.executor.instances.SimulatedInstances;
import dev.drove.models.info.nodedata.NodeType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a {@link HollowFleet} runs, from its command line ({@code --name value} or {@code --name=value}):
 *
 * <pre>
 * --zk HOST:PORT           ZooKeeper connection string (required)
 * --namespace drove        ZooKeeper namespace
 * --count 1                how many executors
 * --first-port 20000       executor i listens on first-port + i
 * --host 127.0.0.1         hostname published and bound
 * --secret S               the cluster's EXECUTOR secret (sent with reports)
 * --controller-secret S    the cluster's CONTROLLER secret (checked on incoming messages)
 * --numa-nodes 2 --cores-per-node 32 --memory-per-node-mb 131072 --tags a,b     the simulated host
 * --state-ms 100           how long each simulated state lasts
 * --task-run-ms 1000       how long a task runs
 * --publish-period-s 20    node data and snapshot period when nothing changes (a real executor: 20)
 * --session-timeout-s 30   ZooKeeper session timeout
 * --log-level WARN         root log level of the fleet JVM
 * </pre>
 * A secret left out is the public development secret, as on a real node without {@code clusterAuth}.
 */
public record FleetOptions(String zookeeper, String namespace, int count, int firstPort, String host,
                           ClusterAuthConfig auth, HollowShape shape, SimulatedInstances.Pace pace,
                           Duration publishPeriod, Duration sessionTimeout, String logLevel) {
    private static final Set<String> NAMES = Set.of("zk", "namespace", "count", "first-port", "host", "secret",
            "controller-secret", "numa-nodes", "cores-per-node", "memory-per-node-mb", "tags", "state-ms",
            "task-run-ms", "publish-period-s", "session-timeout-s", "log-level");

    public FleetOptions {
        if (zookeeper == null || zookeeper.isBlank()) {
            throw new IllegalArgumentException("--zk is required");
        }
        if (count < 1 || firstPort < 1 || firstPort + count - 1 > 65_535) {
            throw new IllegalArgumentException("--count and --first-port must give ports within 1..65535");
        }
    }

    /** Parses a command line; unknown or valueless options are refused with the list of known ones. */
    public static FleetOptions parse(String... args) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            var arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("Expected --option, got '" + arg + "'");
            }
            var name = arg.substring(2);
            String value;
            int equals = name.indexOf('=');
            if (equals >= 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException("--" + name + " needs a value");
            }
            if (!NAMES.contains(name)) {
                throw new IllegalArgumentException("Unknown option --" + name + "; known: " + NAMES);
            }
            values.put(name, value);
        }
        List<ClusterSecret> secrets = new ArrayList<>();
        if (values.containsKey("secret")) {
            secrets.add(new ClusterSecret(NodeType.EXECUTOR, values.get("secret")));
        }
        if (values.containsKey("controller-secret")) {
            secrets.add(new ClusterSecret(NodeType.CONTROLLER, values.get("controller-secret")));
        }
        var tags = values.getOrDefault("tags", "");
        var shape = new HollowShape(number(values, "numa-nodes", 2), number(values, "cores-per-node", 32),
                number(values, "memory-per-node-mb", 128 * 1024),
                Arrays.stream(tags.split(",")).map(String::trim).filter(tag -> !tag.isEmpty())
                        .collect(Collectors.toSet()));
        var pace = new SimulatedInstances.Pace(Duration.ofMillis(number(values, "state-ms", 100)),
                Duration.ofMillis(number(values, "task-run-ms", 1000)));
        return new FleetOptions(values.get("zk"), values.getOrDefault("namespace", "drove"),
                number(values, "count", 1), number(values, "first-port", 20_000),
                values.getOrDefault("host", "127.0.0.1"), new ClusterAuthConfig(secrets), shape, pace,
                Duration.ofSeconds(number(values, "publish-period-s", 20)),
                Duration.ofSeconds(number(values, "session-timeout-s", 30)),
                values.getOrDefault("log-level", "WARN"));
    }

    private static int number(Map<String, String> values, String name, int fallback) {
        var value = values.get(name);
        try {
            return value == null ? fallback : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number, got '" + value + "'");
        }
    }
}
