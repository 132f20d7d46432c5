package dev.drove.controller.localservices;

import dev.drove.common.discovery.ExecutorId;
import dev.drove.common.messages.LocalServiceInstanceSpec;
import dev.drove.common.messages.MessageStatus;
import dev.drove.controller.cluster.Delivery;
import dev.drove.controller.scheduler.ClusterResources;
import dev.drove.models.info.nodedata.ExecutorNodeData;
import dev.drove.models.info.nodedata.ExecutorState;
import dev.drove.models.info.nodedata.NodeTransportType;
import dev.drove.models.info.resources.AvailableCPU;
import dev.drove.models.info.resources.AvailableMemory;
import dev.drove.models.info.resources.ExecutorResourceSnapshot;
import dev.drove.models.info.resources.PhysicalLayout;
import dev.drove.models.instance.LocalServiceInstanceInfo;
import dev.drove.models.instance.LocalServiceInstanceState;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Executors for engine tests, without HTTP: each is an entry of 4 free cores and 4096 MB in the scheduler's book,
 * and the messenger answers for all of them. A start is ACCEPTED and the instance reported HEALTHY before the
 * answer returns (REJECTED on a refusing executor, never reported on a holding one); a stop is ACCEPTED and the
 * instance reported STOPPED.
 */
final class FakeServiceExecutors implements ServiceMessenger {
    private final ClusterResources resources;
    private final Set<String> refusing = ConcurrentHashMap.newKeySet();
    private final Set<String> holding = ConcurrentHashMap.newKeySet();
    private final List<String> held = new CopyOnWriteArrayList<>();
    private final List<LocalServiceInstanceSpec> started = new CopyOnWriteArrayList<>();
    private final List<String> stopped = new CopyOnWriteArrayList<>();
    private final Map<String, LocalServiceInstanceInfo> running = new ConcurrentHashMap<>();
    private volatile Consumer<LocalServiceInstanceInfo> reports = info -> { };

    FakeServiceExecutors(ClusterResources resources) {
        this.resources = resources;
    }

    /** Where the executors' reports go (the engine's intake). */
    void reportTo(Consumer<LocalServiceInstanceInfo> intake) {
        this.reports = intake;
    }

    /** Adds an executor to the book and returns its id. */
    String add(String host, ExecutorState state, Set<String> tags) {
        var id = ExecutorId.of(host, 3000);
        var snapshot = new ExecutorResourceSnapshot(id, new AvailableCPU(Map.of(0, Set.of(0, 1, 2, 3)),
                Map.of(0, Set.of())), new AvailableMemory(Map.of(0, 4096L), Map.of(0, 0L)),
                new PhysicalLayout(Map.of(0, Set.of(0, 1, 2, 3)), Map.of(0, 4096L)));
        resources.update(new ExecutorNodeData(host, 3000, NodeTransportType.HTTP, new Date(), snapshot, List.of(),
                List.of(), List.of(), tags, Map.of(), state));
        return id;
    }

    String add(String host) {
        return add(host, ExecutorState.ACTIVE, Set.of());
    }

    void refuseStartsOn(String executorId) {
        refusing.add(executorId);
    }

    /** Starts on this executor are ACCEPTED and then never reported: the instance stays PENDING. */
    void holdStartsOn(String executorId) {
        holding.add(executorId);
    }

    void stopHolding() {
        holding.clear();
    }

    /** The ids of instances whose start was held. */
    List<String> held() {
        return List.copyOf(held);
    }

    List<LocalServiceInstanceSpec> started() {
        return List.copyOf(started);
    }

    List<String> stopped() {
        return List.copyOf(stopped);
    }

    @Override
    public Delivery start(String executorId, LocalServiceInstanceSpec spec) {
        if (refusing.contains(executorId)) {
            return new Delivery(MessageStatus.REJECTED, "This executor refuses every start");
        }
        if (holding.contains(executorId)) {
            held.add(spec.instanceId());
            return new Delivery(MessageStatus.ACCEPTED, null);
        }
        started.add(spec);
        var now = new Date(System.currentTimeMillis() + 1);
        var info = new LocalServiceInstanceInfo(spec.serviceId(), spec.serviceName(), spec.instanceId(), executorId,
                null, spec.resources(), LocalServiceInstanceState.HEALTHY, Map.of(), "", now, now);
        running.put(spec.instanceId(), info);
        reports.accept(info);
        return new Delivery(MessageStatus.ACCEPTED, null);
    }

    @Override
    public Delivery stop(String executorId, String instanceId) {
        var instance = running.remove(instanceId);
        if (instance == null) {
            return new Delivery(MessageStatus.REJECTED, "No instance " + instanceId + " runs here");
        }
        stopped.add(instanceId);
        reports.accept(new LocalServiceInstanceInfo(instance.serviceId(), instance.serviceName(), instanceId,
                executorId, null, instance.resources(), LocalServiceInstanceState.STOPPED, Map.of(), "",
                instance.created(), new Date(System.currentTimeMillis() + 2)));
        return new Delivery(MessageStatus.ACCEPTED, null);
    }
}
