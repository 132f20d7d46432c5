package dev.drove.controller.operations;

import dev.drove.common.auth.ClusterAuthConfig;
import dev.drove.common.auth.ClusterSecret;
import dev.drove.models.info.nodedata.NodeType;
import dev.drove.models.instance.InstanceState;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Controllers and fake executors on one test ZooKeeper. Executors post their reports to every controller in turn
 * until one (the leader) handles them. While {@link #recordHealthy} is on, the number of HEALTHY instances of the
 * app across all executors is recorded after every instance change.
 */
final class TestCluster implements AutoCloseable {
    static final ClusterAuthConfig AUTH = new ClusterAuthConfig(List.of(
            new ClusterSecret(NodeType.CONTROLLER, "test-controller-secret"),
            new ClusterSecret(NodeType.EXECUTOR, "test-executor-secret")));
    static final Duration STEP = Duration.ofMillis(30);

    private final String connectString;
    private final List<TestController> controllers = new CopyOnWriteArrayList<>();
    private final List<FakeExecutor> executors = new CopyOnWriteArrayList<>();
    private final List<Long> healthyCounts = new CopyOnWriteArrayList<>();
    private volatile String recordedApp;
    private int nextSelfPort = 17001;

    TestCluster(String connectString) {
        this.connectString = connectString;
    }

    TestController controller(LifecycleOptions options) {
        var controller = new TestController(connectString, AUTH, nextSelfPort++, options);
        controllers.add(controller);
        return controller;
    }

    FakeExecutor executor(int cores) {
        return executor(cores, Set.of(), STEP, false);
    }

    FakeExecutor executor(int cores, Set<String> tags, Duration step, boolean holding) {
        var executor = new FakeExecutor(connectString, cores, tags, step, holding,
                () -> controllers.stream().map(TestController::reportTarget).toList(), this::recordHealthyCount);
        executors.add(executor);
        return executor;
    }

    List<FakeExecutor> executors() {
        return List.copyOf(executors);
    }

    long count(String appId, InstanceState state) {
        return executors.stream().mapToLong(executor -> executor.count(appId, state)).sum();
    }

    long startsReceived() {
        return executors.stream().mapToLong(FakeExecutor::startsReceived).sum();
    }

    /** Starts recording the HEALTHY count of {@code appId} at every instance change, from its current value. */
    void recordHealthy(String appId) {
        healthyCounts.clear();
        recordedApp = appId;
        recordHealthyCount();
    }

    List<Long> healthyCounts() {
        return new ArrayList<>(healthyCounts);
    }

    private void recordHealthyCount() {
        var appId = recordedApp;
        if (appId != null) {
            healthyCounts.add(count(appId, InstanceState.HEALTHY));
        }
    }

    @Override
    public void close() {
        for (var controller : controllers) {
            controller.close();
        }
        for (var executor : executors) {
            executor.close();
        }
    }
}
