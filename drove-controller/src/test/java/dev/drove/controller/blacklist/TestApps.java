package dev.drove.controller.blacklist;

import dev.drove.common.discovery.ExecutorId;
import dev.drove.common.errors.ApiException;
import dev.drove.controller.statestore.AppRuntimeInfo;
import dev.drove.controller.statestore.ApplicationStore;
import dev.drove.controller.statestore.InstanceStore;
import dev.drove.models.application.ApplicationInfo;
import dev.drove.models.application.ApplicationState;
import dev.drove.models.info.nodedata.ExecutorNodeData;
import dev.drove.models.info.nodedata.ExecutorState;
import dev.drove.models.info.nodedata.NodeTransportType;
import dev.drove.models.info.resources.ExecutorResourceSnapshot;
import dev.drove.models.instance.InstanceInfo;
import dev.drove.models.instance.InstanceState;
import dev.drove.models.operation.ApplicationOperation;
import dev.drove.models.operation.ApplicationReplaceInstancesOperation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Applications and their instances in memory, and an engine that carries out REPLACE_INSTANCES the way the real one
 * does (per instance: a replacement HEALTHY on the target executor, then the old one STOPPED), one step every few
 * milliseconds on a thread of its own. It records every step, the fewest HEALTHY instances each application had, and
 * whether two operations ever ran at once.
 */
final class TestApps implements ApplicationStore, InstanceStore, Consumer<ApplicationOperation>, AutoCloseable {
    private static final long STEP_MILLIS = 15;

    private final Map<String, ApplicationInfo> applications = new ConcurrentHashMap<>();
    private final Map<String, AppRuntimeInfo> runtimes = new ConcurrentHashMap<>();
    private final Map<String, InstanceInfo> instances = new ConcurrentHashMap<>();
    private final Map<String, Integer> fewestHealthy = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> refusals = new ConcurrentHashMap<>();
    private final Set<String> failing = ConcurrentHashMap.newKeySet();
    private final List<ApplicationReplaceInstancesOperation> submitted = new CopyOnWriteArrayList<>();
    private final List<String> steps = new CopyOnWriteArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostInFlight = new AtomicInteger();
    private final ScheduledExecutorService engine = Executors.newSingleThreadScheduledExecutor();
    private final String target;
    private final AtomicInteger next = new AtomicInteger();

    /** @param target the executor every replacement starts on */
    TestApps(String target) {
        this.target = target;
    }

    static InstanceInfo instance(String appId, String instanceId, String executorId, InstanceState state) {
        return new InstanceInfo(appId, appId.substring(0, appId.lastIndexOf('-')), instanceId, executorId, null,
                List.of(), state, Map.of(), "", new Date(1_000), new Date(1_000));
    }

    /** An executor at {@code 127.0.0.1:port}, publishing {@code state}; its id is {@link #executorId}. */
    static ExecutorNodeData executor(int port, ExecutorState state) {
        return new ExecutorNodeData("127.0.0.1", port, NodeTransportType.HTTP, new Date(),
                new ExecutorResourceSnapshot(executorId(port), null, null, null), List.of(), List.of(), List.of(),
                Set.of(), Map.of(), state);
    }

    static String executorId(int port) {
        return ExecutorId.of("127.0.0.1", port);
    }

    /** A RUNNING application with one HEALTHY instance per executor id given (repeat an id for more). */
    TestApps app(String appId, String... executorIds) {
        applications.put(appId, new ApplicationInfo(appId, null, executorIds.length, new Date(), new Date()));
        runtimes.put(appId, new AppRuntimeInfo(appId, ApplicationState.RUNNING, executorIds.length, null,
                new Date()));
        for (var executorId : executorIds) {
            var id = appId + "-i" + next.incrementAndGet();
            instances.put(id, instance(appId, id, executorId, InstanceState.HEALTHY));
        }
        fewestHealthy.put(appId, healthy(appId));
        return this;
    }

    /** The engine refuses the next {@code times} operations on {@code appId} as busy. */
    void refuse(String appId, int times) {
        refusals.put(appId, new AtomicInteger(times));
    }

    /** Operations on {@code appId} end without replacing anything (no room elsewhere). */
    void failMoves(String appId, boolean fail) {
        if (fail) {
            failing.add(appId);
        } else {
            failing.remove(appId);
        }
    }

    List<ApplicationReplaceInstancesOperation> submitted() {
        return List.copyOf(submitted);
    }

    List<String> steps() {
        return List.copyOf(steps);
    }

    int fewestHealthy(String appId) {
        return fewestHealthy.get(appId);
    }

    int mostOperationsAtOnce() {
        return mostInFlight.get();
    }

    /** The executors the app's active instances run on, with repeats, sorted. */
    List<String> executorsOf(String appId) {
        return all(appId).stream().filter(i -> !i.state().isTerminal()).map(InstanceInfo::executorId).sorted()
                .toList();
    }

    @Override
    public void accept(ApplicationOperation operation) {
        if (!(operation instanceof ApplicationReplaceInstancesOperation replace)) {
            throw new IllegalArgumentException("Only REPLACE_INSTANCES is expected, not " + operation);
        }
        var appId = replace.appId();
        var refused = refusals.get(appId);
        if (refused != null && refused.getAndDecrement() > 0) {
            throw ApiException.conflict("App %s is busy with SCALE_INSTANCES; wait or cancel it", appId);
        }
        var runtime = runtimes.get(appId);
        if (runtime.hasOperation()) {
            throw ApiException.conflict("App %s is busy with %s; wait or cancel it", appId,
                    runtime.currentOperation().operationType());
        }
        mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        runtimes.put(appId, runtime.withState(ApplicationState.REPLACE_INSTANCES_REQUESTED, new Date())
                .withOperation(replace, new Date()));
        submitted.add(replace);
        var targets = failing.contains(appId) ? List.<String>of() : List.copyOf(replace.instanceIds());
        engine.schedule(() -> step(appId, targets, 0), STEP_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Step {@code at}: even ones start the replacement of targets[at / 2], odd ones stop that target. */
    private void step(String appId, List<String> targets, int at) {
        if (at == 2 * targets.size()) {
            inFlight.decrementAndGet();
            runtimes.put(appId, runtimes.get(appId).withState(ApplicationState.RUNNING, new Date())
                    .withOperation(null, new Date()));
            return;
        }
        var old = instances.get(targets.get(at / 2));
        if (at % 2 == 0) {
            var id = appId + "-i" + next.incrementAndGet();
            instances.put(id, instance(appId, id, target, InstanceState.HEALTHY));
            steps.add("start " + id + " on " + target);
        } else {
            instances.put(old.instanceId(), instance(appId, old.instanceId(), old.executorId(),
                    InstanceState.STOPPED));
            steps.add("stop " + old.instanceId() + " on " + old.executorId());
        }
        fewestHealthy.merge(appId, healthy(appId), Math::min);
        engine.schedule(() -> step(appId, targets, at + 1), STEP_MILLIS, TimeUnit.MILLISECONDS);
    }

    private int healthy(String appId) {
        return (int) all(appId).stream().filter(i -> i.state() == InstanceState.HEALTHY).count();
    }

    @Override
    public void close() {
        engine.shutdownNow();
    }

    // ApplicationStore

    @Override
    public void save(ApplicationInfo application) {
        applications.put(application.appId(), application);
    }

    @Override
    public Optional<ApplicationInfo> find(String appId) {
        return Optional.ofNullable(applications.get(appId));
    }

    @Override
    public List<ApplicationInfo> all() {
        return applications.values().stream().sorted(Comparator.comparing(ApplicationInfo::appId)).toList();
    }

    @Override
    public void saveRuntime(AppRuntimeInfo runtime) {
        runtimes.put(runtime.appId(), runtime);
    }

    @Override
    public Optional<AppRuntimeInfo> findRuntime(String appId) {
        return Optional.ofNullable(runtimes.get(appId));
    }

    @Override
    public List<AppRuntimeInfo> runtimes() {
        return new ArrayList<>(runtimes.values());
    }

    @Override
    public void delete(String appId) {
        applications.remove(appId);
        runtimes.remove(appId);
        deleteAll(appId);
    }

    // InstanceStore

    @Override
    public void save(InstanceInfo instance) {
        instances.put(instance.instanceId(), instance);
    }

    @Override
    public Optional<InstanceInfo> find(String appId, String instanceId) {
        return Optional.ofNullable(instances.get(instanceId)).filter(i -> i.appId().equals(appId));
    }

    @Override
    public List<InstanceInfo> all(String appId) {
        return instances.values().stream().filter(i -> i.appId().equals(appId)).sorted(OLDEST_FIRST).toList();
    }

    @Override
    public void delete(String appId, String instanceId) {
        instances.remove(instanceId);
    }

    @Override
    public void deleteAll(String appId) {
        instances.values().removeIf(i -> i.appId().equals(appId));
    }
}
