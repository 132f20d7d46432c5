package dev.drove.executor.topology;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What this executor offers to the cluster: per NUMA node the cores and memory the controller may allocate, the
 * physical CPUs behind every core id, and the executor's tags. Immutable; computed once at start-up by
 * {@link #offer(HostTopology, ResourceConfig, String)}.
 *
 * <p>The steps follow drove-contract.md §3 and the docs' executor-setup page:
 * <ol>
 *     <li>{@code osCores} are removed from every node. Ids that are not CPUs of this host are logged as a warning and
 *     ignored, so one config file can serve hosts of different sizes. Reserving every CPU is an error.</li>
 *     <li>Each node's memory becomes {@code memory × exposedMemPercentage / 100} MB, rounded down.</li>
 *     <li>With {@code overProvisioning.enabled}, each CPU yields {@code cpuMultiplier} vcores (see
 *     {@link VirtualCores}) and memory is multiplied by {@code memoryMultiplier}. Each node offers only the vcores of
 *     its own CPUs; the original offers every vcore on every node, which this clone deliberately does not copy.</li>
 *     <li>With {@code disableNUMAPinning}, all nodes merge into node 0, and {@link #isNumaPinned()} says that
 *     {@code cpuset-mems} must not be set.</li>
 * </ol>
 */
public final class ExecutorResources {
    private static final Logger LOG = LoggerFactory.getLogger(ExecutorResources.class);

    private final SortedMap<Integer, OfferedNode> nodes;
    private final Map<Integer, Integer> cpuOfCore;
    private final boolean numaPinned;
    private final boolean overProvisioned;
    private final SortedSet<String> tags;

    private ExecutorResources(SortedMap<Integer, OfferedNode> nodes, Map<Integer, Integer> cpuOfCore,
                              boolean numaPinned, boolean overProvisioned, SortedSet<String> tags) {
        this.nodes = Collections.unmodifiableSortedMap(nodes);
        this.cpuOfCore = Map.copyOf(cpuOfCore);
        this.numaPinned = numaPinned;
        this.overProvisioned = overProvisioned;
        this.tags = Collections.unmodifiableSortedSet(tags);
    }

    /**
     * Computes the offer and logs it in one line.
     *
     * @param host     the host's NUMA nodes
     * @param config   the {@code resources:} section of the executor config
     * @param hostname the name the executor is known by; always one of its tags
     * @throws IllegalArgumentException if the config leaves no core or no memory to offer, or the hostname is blank
     */
    public static ExecutorResources offer(HostTopology host, ResourceConfig config, String hostname) {
        if (hostname == null || hostname.isBlank()) {
            throw new IllegalArgumentException("The executor needs a hostname; it is always one of its tags");
        }
        List<OfferedNode> offered = withoutOsCores(host, config);
        Map<Integer, Integer> cpuOfCore = new HashMap<>();
        ResourceConfig.OverProvisioning overProvisioning = config.overProvisioning();
        if (overProvisioning.enabled()) {
            offered = overProvisioned(offered, overProvisioning, cpuOfCore);
        } else {
            offered.forEach(node -> node.cores().forEach(cpu -> cpuOfCore.put(cpu, cpu)));
        }
        if (config.disableNUMAPinning()) {
            offered = List.of(mergedIntoNodeZero(offered));
        }
        SortedSet<String> tags = new TreeSet<>(config.tags());
        tags.add(hostname);
        SortedMap<Integer, OfferedNode> byId = new TreeMap<>();
        offered.forEach(node -> byId.put(node.id(), node));
        ExecutorResources resources = new ExecutorResources(byId, cpuOfCore, !config.disableNUMAPinning(),
                overProvisioning.enabled(), tags);
        LOG.info("{}", resources.describe(config));
        return resources;
    }

    /** The offered nodes by id. */
    public SortedMap<Integer, OfferedNode> nodes() {
        return nodes;
    }

    /**
     * The offered node with this id.
     *
     * @throws IllegalArgumentException if this executor offers no such node
     */
    public OfferedNode node(int id) {
        OfferedNode node = nodes.get(id);
        if (node == null) {
            throw new IllegalArgumentException("This executor offers no NUMA node " + id + "; it offers "
                    + nodes.keySet());
        }
        return node;
    }

    /**
     * The distinct physical CPUs behind the given core ids, for {@code cpuset-cpus}. Without over-provisioning the
     * result equals the input.
     *
     * @throws IllegalArgumentException if an id is not a core this executor offers
     */
    public SortedSet<Integer> physicalCoresOf(Collection<Integer> coreIds) {
        SortedSet<Integer> cpus = new TreeSet<>();
        for (Integer core : coreIds) {
            Integer cpu = core == null ? null : cpuOfCore.get(core);
            if (cpu == null) {
                throw new IllegalArgumentException("Core " + core + " is not offered by this executor");
            }
            cpus.add(cpu);
        }
        return Collections.unmodifiableSortedSet(cpus);
    }

    /** Physical CPUs and memory behind each offered node. */
    public PhysicalLayout layout() {
        SortedMap<Integer, SortedSet<Integer>> cores = new TreeMap<>();
        SortedMap<Integer, Long> memory = new TreeMap<>();
        nodes.values().forEach(node -> {
            cores.put(node.id(), node.physicalCores());
            memory.put(node.id(), node.physicalMemoryInMB());
        });
        return new PhysicalLayout(cores, memory);
    }

    /** Whether containers are pinned to one node's memory; when false, {@code cpuset-mems} must not be set. */
    public boolean isNumaPinned() {
        return numaPinned;
    }

    /** Whether core ids are vcores (several per physical CPU) rather than CPU ids. */
    public boolean isOverProvisioned() {
        return overProvisioned;
    }

    /** The configured tags plus the hostname, sorted. */
    public SortedSet<String> tags() {
        return tags;
    }

    /** Number of cores offered over all nodes. */
    public int totalCores() {
        return nodes.values().stream().mapToInt(node -> node.cores().size()).sum();
    }

    /** Memory offered over all nodes, in MB. */
    public long totalMemoryInMB() {
        return nodes.values().stream().mapToLong(OfferedNode::memoryInMB).sum();
    }

    private static List<OfferedNode> withoutOsCores(HostTopology host, ResourceConfig config) {
        SortedSet<Integer> osCores = new TreeSet<>(config.osCores());
        SortedSet<Integer> unknown = new TreeSet<>(osCores);
        unknown.removeAll(host.allCpus());
        if (!unknown.isEmpty()) {
            LOG.warn("osCores {} are not CPUs of this host (it has {}); ignoring them", CpuList.format(unknown),
                    CpuList.format(host.allCpus()));
        }
        List<OfferedNode> offered = new ArrayList<>();
        for (NumaNode node : host.nodes()) {
            SortedSet<Integer> cpus = new TreeSet<>(node.cpus());
            cpus.removeAll(osCores);
            long memory = node.memoryInMB() * config.exposedMemPercentage() / 100;
            offered.add(new OfferedNode(node.id(), cpus, memory, cpus, memory));
        }
        if (offered.stream().allMatch(node -> node.cores().isEmpty())) {
            throw new IllegalArgumentException("resources.osCores " + CpuList.format(osCores)
                    + " reserve every CPU of this host (" + CpuList.format(host.allCpus())
                    + "); leave at least one for containers");
        }
        if (offered.stream().mapToLong(OfferedNode::memoryInMB).sum() == 0) {
            throw new IllegalArgumentException("This host offers no memory to containers: " + host.describe());
        }
        return offered;
    }

    private static List<OfferedNode> overProvisioned(List<OfferedNode> physical,
                                                     ResourceConfig.OverProvisioning multipliers,
                                                     Map<Integer, Integer> cpuOfCore) {
        List<OfferedNode> offered = new ArrayList<>();
        for (OfferedNode node : physical) {
            SortedMap<Integer, Integer> vcores = VirtualCores.of(node.physicalCores(), multipliers.cpuMultiplier());
            cpuOfCore.putAll(vcores);
            offered.add(new OfferedNode(node.id(), new TreeSet<>(vcores.keySet()),
                    Math.multiplyExact(node.memoryInMB(), (long) multipliers.memoryMultiplier()),
                    node.physicalCores(), node.physicalMemoryInMB()));
        }
        return offered;
    }

    private static OfferedNode mergedIntoNodeZero(List<OfferedNode> nodes) {
        SortedSet<Integer> cores = new TreeSet<>();
        SortedSet<Integer> cpus = new TreeSet<>();
        long memory = 0;
        long physicalMemory = 0;
        for (OfferedNode node : nodes) {
            cores.addAll(node.cores());
            cpus.addAll(node.physicalCores());
            memory += node.memoryInMB();
            physicalMemory += node.physicalMemoryInMB();
        }
        return new OfferedNode(0, cores, memory, cpus, physicalMemory);
    }

    private String describe(ResourceConfig config) {
        ResourceConfig.OverProvisioning overProvisioning = config.overProvisioning();
        return "Offering %d cores and %d MB on %d NUMA node%s: %s (osCores: %s; over-provisioning: %s; NUMA pinning: %s; tags: %s)"
                .formatted(totalCores(), totalMemoryInMB(), nodes.size(), nodes.size() == 1 ? "" : "s",
                        nodes.values().stream().map(OfferedNode::describe).collect(Collectors.joining(", ")),
                        config.osCores().isEmpty() ? "none" : CpuList.format(config.osCores()),
                        overProvisioning.enabled()
                                ? "cpu ×%d, memory ×%d".formatted(overProvisioning.cpuMultiplier(),
                                overProvisioning.memoryMultiplier())
                                : "off",
                        numaPinned ? "on" : "off", String.join(",", tags));
    }
}
