package dev.drove.controller.operations;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.drove.common.auth.ClusterAuthConfig;
import dev.drove.common.discovery.ExecutorId;
import dev.drove.common.discovery.NodeDataStore;
import dev.drove.common.http.ClusterHttpClient;
import dev.drove.common.http.NodeEndpoint;
import dev.drove.common.messages.ControllerMessage;
import dev.drove.common.messages.ExecutorMessage;
import dev.drove.common.messages.MessageResponse;
import dev.drove.common.messages.MessageSender;
import dev.drove.common.messages.MessageStatus;
import dev.drove.common.messages.StartInstanceMessage;
import dev.drove.common.messages.StopInstanceMessage;
import dev.drove.common.testkit.ZookeeperExtension;
import dev.drove.models.info.nodedata.ExecutorNodeData;
import dev.drove.models.info.nodedata.ExecutorState;
import dev.drove.models.info.nodedata.NodeTransportType;
import dev.drove.models.info.nodedata.NodeType;
import dev.drove.models.info.resources.AvailableCPU;
import dev.drove.models.info.resources.AvailableMemory;
import dev.drove.models.info.resources.CPUAllocation;
import dev.drove.models.info.resources.ExecutorResourceSnapshot;
import dev.drove.models.info.resources.MemoryAllocation;
import dev.drove.models.info.resources.PhysicalLayout;
import dev.drove.models.instance.InstanceInfo;
import dev.drove.models.instance.InstanceState;
import dev.drove.models.instance.LocalInstanceInfo;
import dev.drove.models.json.Json;
import org.apache.curator.framework.CuratorFramework;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Date;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * An executor without containers, in the same JVM: it publishes its node data at {@code /executor/*}, receives
 * START_/STOP_INSTANCE on a JDK HTTP server at {@code /apis/v1/messages}, answers ACCEPTED (REJECTED for an unknown
 * instance or taken cores) and walks each instance through the executor's states one step every {@code step},
 * posting a state report to the leader on each change, in order, retrying until a controller answers HANDLED.
 *
 * <pre>
 * start: PENDING → PROVISIONING → STARTING → UNREADY → READY → HEALTHY
 * stop:  STOPPING → DEPROVISIONING → STOPPED (cores freed)
 * </pre>
 * A holding executor accepts starts and never moves them past PENDING; {@link #freeze} makes a running one stop
 * moving anything from then on (starts stay PENDING, stops are accepted and never happen). {@link #turn} makes an
 * instance UNHEALTHY or STOPPED on its own; {@link #vanish} takes the executor away for good. Every change is passed
 * to the observer given at construction (tests record healthy counts with it). Like a real executor it sends the
 * leader a snapshot every 250 ms, which is what admits it to the cluster.
 */
public final class FakeExecutor implements AutoCloseable {
    static final String HOST = "127.0.0.1";
    private static final List<InstanceState> STARTING = List.of(InstanceState.PROVISIONING, InstanceState.STARTING,
            InstanceState.UNREADY, InstanceState.READY, InstanceState.HEALTHY);
    private static final Duration SNAPSHOT_EVERY = Duration.ofMillis(250);
    private static final List<InstanceState> STOPPING = List.of(InstanceState.STOPPING,
            InstanceState.DEPROVISIONING, InstanceState.STOPPED);

    /** Where reports go: one controller's message intake. */
    public record ReportTarget(MessageSender sender, NodeEndpoint endpoint) {
    }

    private final HttpServer server;
    private final CuratorFramework curator;
    private final NodeDataStore publisher;
    private final String executorId;
    private final int port;
    private final Set<Integer> cores = new TreeSet<>();
    private final long memoryMB;
    private final Set<String> tags;
    private final Duration step;
    private final boolean holding;
    private final Supplier<List<ReportTarget>> controllers;
    private final Runnable observer;
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
    private final Map<String, InstanceInfo> instances = new LinkedHashMap<>();   // guarded by this
    private final Map<String, Integer> generations = new HashMap<>();           // guarded by this
    private final Deque<ControllerMessage> outbox = new ArrayDeque<>();          // guarded by this
    private final List<ExecutorMessage> received = new CopyOnWriteArrayList<>();
    private volatile List<InstanceInfo> view = List.of(); // read without the lock, so observers never deadlock
    private volatile boolean gone;
    private long nextSnapshot = System.nanoTime(); // only on the clock thread
    private volatile boolean frozen;

    public FakeExecutor(String connectString, int coreCount, Set<String> tags, Duration step, boolean holding,
                 Supplier<List<ReportTarget>> controllers, Runnable observer) {
        for (int core = 0; core < coreCount; core++) {
            cores.add(core);
        }
        this.memoryMB = coreCount * 1024L;
        this.tags = tags;
        this.step = step;
        this.holding = holding;
        this.controllers = controllers;
        this.observer = observer;
        try {
            server = HttpServer.create(new InetSocketAddress(HOST, 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/apis/v1/messages", this::receive);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
        port = server.getAddress().getPort();
        executorId = ExecutorId.of(HOST, port);
        curator = ZookeeperExtension.newClient(connectString);
        publisher = new NodeDataStore(curator);
        synchronized (this) {
            publisher.publish(nodeData());
        }
        clock.scheduleWithFixedDelay(this::deliver, 20, 20, TimeUnit.MILLISECONDS);
    }

    /** Report targets for controllers whose intake is at {@code path} on each endpoint. */
    public static ReportTarget target(ClusterAuthConfig auth, NodeEndpoint endpoint, String path) {
        return new ReportTarget(new MessageSender(new ClusterHttpClient(auth.credentials(NodeType.EXECUTOR,
                "fake-executor")), path), endpoint);
    }

    public String id() {
        return executorId;
    }

    /** Every message this executor was sent. */
    public List<ExecutorMessage> received() {
        return List.copyOf(received);
    }

    long startsReceived() {
        return received.stream().filter(StartInstanceMessage.class::isInstance).count();
    }

    public List<InstanceInfo> instances() {
        return view;
    }

    long count(String appId, InstanceState state) {
        return view.stream().filter(i -> i.appId().equals(appId) && i.state() == state).count();
    }

    /** Makes a running instance UNHEALTHY or STOPPED (crashed) on its own. */
    public synchronized void turn(String instanceId, InstanceState state) {
        generations.merge(instanceId, 1, Integer::sum);
        change(instanceId, state);
    }

    /**
     * From now on moves no instance by itself: messages are still accepted, but a start stays PENDING and a stop
     * leaves the instance where it is, so the controller's operation waits (until its timeout). {@link #turn} still
     * works.
     */
    public void freeze() {
        frozen = true;
    }

    /** Leaves the cluster for good: the entry goes, the server stops, nothing more is reported. */
    void vanish() {
        gone = true;
        publisher.remove();
        server.stop(0);
        clock.shutdownNow();
    }

    @Override
    public void close() {
        if (!gone) {
            vanish();
        }
        curator.close();
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            var message = Json.mapper().readValue(exchange.getRequestBody(), ExecutorMessage.class);
            received.add(message);
            var answer = handle(message);
            var body = Json.mapper().writeValueAsBytes(answer);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private synchronized MessageResponse handle(ExecutorMessage message) {
        if (message instanceof StartInstanceMessage start) {
            var spec = start.spec();
            if (instances.containsKey(spec.instanceId())) {
                return MessageResponse.rejected(message, "Instance " + spec.instanceId() + " exists already");
            }
            var wanted = coresOf(spec.resources());
            if (wanted.stream().anyMatch(usedCores()::contains)) {
                return MessageResponse.rejected(message, "Cores " + wanted + " are taken");
            }
            var now = new Date();
            instances.put(spec.instanceId(), new InstanceInfo(spec.appId(), spec.appName(), spec.instanceId(),
                    executorId, new LocalInstanceInfo(HOST, Map.of()), spec.resources(), InstanceState.PENDING,
                    Map.of(), "", now, now));
            changed(instances.get(spec.instanceId()));
            if (!holding) {
                walk(spec.instanceId(), STARTING, 0, generations.merge(spec.instanceId(), 1, Integer::sum));
            }
            return MessageResponse.accepted(message);
        }
        if (message instanceof StopInstanceMessage stop) {
            var instance = instances.get(stop.instanceId());
            if (instance == null || instance.state().isTerminal()) {
                return MessageResponse.rejected(message, "No instance " + stop.instanceId() + " runs here");
            }
            walk(stop.instanceId(), STOPPING, 0, generations.merge(stop.instanceId(), 1, Integer::sum));
            return MessageResponse.accepted(message);
        }
        return MessageResponse.rejected(message, "A fake executor handles only instance starts and stops");
    }

    /** Moves the instance to {@code path[index]} after one step, unless something else moved it meanwhile. */
    private void walk(String instanceId, List<InstanceState> path, int index, int generation) {
        clock.schedule(() -> {
            synchronized (this) {
                if (frozen || generations.getOrDefault(instanceId, 0) != generation) {
                    return;
                }
                change(instanceId, path.get(index));
                if (index + 1 < path.size()) {
                    walk(instanceId, path, index + 1, generation);
                }
            }
        }, step.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void change(String instanceId, InstanceState state) {
        var old = instances.get(instanceId);
        var updated = new Date(Math.max(System.currentTimeMillis(), old.updated().getTime() + 1));
        var next = new InstanceInfo(old.appId(), old.appName(), old.instanceId(), old.executorId(), old.localInfo(),
                old.resources(), state, old.metadata(), state == InstanceState.STOPPED ? "" : old.errorMessage(),
                old.created(), updated);
        instances.put(instanceId, next);
        changed(next);
    }

    /** After every change: publish the node data, queue the report, tell the observer. */
    private void changed(InstanceInfo instance) {
        view = List.copyOf(instances.values());
        if (gone) {
            return;
        }
        publisher.publish(nodeData());
        outbox.addLast(ControllerMessage.instanceStateReport(snapshot(), instance));
        observer.run();
    }

    /** Sends queued reports in order; stops at the first no controller took, to retry it on the next tick. */
    private void deliver() {
        while (true) {
            ControllerMessage next;
            synchronized (this) {
                next = outbox.peekFirst();
            }
            if (next == null) {
                sendSnapshotIfDue();
                return;
            }
            if (!deliverToLeader(next)) {
                return;
            }
            synchronized (this) {
                outbox.pollFirst();
            }
        }
    }

    /**
     * As a real executor: an EXECUTOR_SNAPSHOT every {@link #SNAPSHOT_EVERY}, once no report is queued, so the
     * leader (a new one too) admits this executor; its ZooKeeper entry alone does not count.
     */
    private void sendSnapshotIfDue() {
        long now = System.nanoTime();
        if (gone || now - nextSnapshot < 0) {
            return;
        }
        ControllerMessage snapshot;
        synchronized (this) {
            snapshot = ControllerMessage.executorSnapshot(nodeData());
        }
        if (deliverToLeader(snapshot)) {
            nextSnapshot = now + SNAPSHOT_EVERY.toNanos();
        }
    }

    private boolean deliverToLeader(ControllerMessage report) {
        for (var target : controllers.get()) {
            if (target.sender().send(report, target.endpoint()).status() == MessageStatus.HANDLED) {
                return true;
            }
        }
        return false;
    }

    private ExecutorNodeData nodeData() {
        return new ExecutorNodeData(HOST, port, NodeTransportType.HTTP, new Date(), snapshot(),
                new ArrayList<>(instances.values()), List.of(), List.of(), tags, Map.of(), ExecutorState.ACTIVE);
    }

    private ExecutorResourceSnapshot snapshot() {
        var used = usedCores();
        var free = new TreeSet<>(cores);
        free.removeAll(used);
        long usedMemory = instances.values().stream().filter(i -> !i.state().isTerminal())
                .flatMap(i -> i.resources().stream())
                .filter(MemoryAllocation.class::isInstance).map(MemoryAllocation.class::cast)
                .mapToLong(m -> m.memoryInMB().values().stream().mapToLong(Long::longValue).sum()).sum();
        return new ExecutorResourceSnapshot(executorId, new AvailableCPU(Map.of(0, free), Map.of(0, used)),
                new AvailableMemory(Map.of(0, memoryMB - usedMemory), Map.of(0, usedMemory)),
                new PhysicalLayout(Map.of(0, Set.copyOf(cores)), Map.of(0, memoryMB)));
    }

    private Set<Integer> usedCores() {
        var used = new TreeSet<Integer>();
        instances.values().stream().filter(i -> !i.state().isTerminal())
                .forEach(i -> used.addAll(coresOf(i.resources())));
        return used;
    }

    private static Set<Integer> coresOf(List<dev.drove.models.info.resources.ResourceAllocation> resources) {
        var result = new TreeSet<Integer>();
        resources.stream().filter(CPUAllocation.class::isInstance).map(CPUAllocation.class::cast)
                .forEach(cpu -> cpu.cores().values().forEach(result::addAll));
        return result;
    }

    @Override
    public String toString() {
        return "FakeExecutor[" + HOST + ":" + port + ", " + executorId + "]";
    }
}
