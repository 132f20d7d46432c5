package dev.drove.common.zookeeper;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Where Drove keeps its data in ZooKeeper, below the configured namespace (contract §4). The layout is the
 * original's, so its tools and ours read the same tree.
 */
public final class ZkPaths {
    /** {@code /controller/{hostname}-{port}}: ephemeral ControllerNodeData. */
    public static final String CONTROLLER = "/controller";
    /** {@code /executor/{hostname}-{port}}: ephemeral ExecutorNodeData. */
    public static final String EXECUTOR = "/executor";
    /** The leader election of the controllers. */
    public static final String LEADER_SELECTION = "/leaderselection";
    /** {@code /applications/{appId}}: ApplicationInfo. */
    public static final String APPLICATIONS = "/applications";
    /** {@code /instances/{appId}/{instanceId}}: InstanceInfo. */
    public static final String INSTANCES = "/instances";
    /** {@code /tasks/{sourceAppName}/{taskId}}: TaskInfo. */
    public static final String TASKS = "/tasks";
    /** {@code /localservices/{serviceId}}: LocalServiceInfo. */
    public static final String LOCAL_SERVICES = "/localservices";
    /** {@code /localserviceinstances/{serviceId}/{instanceId}}: LocalServiceInstanceInfo. */
    public static final String LOCAL_SERVICE_INSTANCES = "/localserviceinstances";
    /** ClusterStateData: whether the cluster is in maintenance. */
    public static final String CLUSTER_MAINTENANCE = "/cluster/maintenance";

    private ZkPaths() {
    }

    /**
     * {@code parent/name/...}: the path of a child. Each name is one znode name, so a name that is empty or holds a
     * {@code /} is refused rather than silently nesting deeper.
     */
    public static String child(String parent, String... names) {
        for (var name : names) {
            if (name == null || name.isEmpty() || name.contains("/")) {
                throw new IllegalArgumentException("'" + name + "' is not a znode name (under " + parent + ")");
            }
        }
        return parent + "/" + Arrays.stream(names).collect(Collectors.joining("/"));
    }
}
