package dev.drove.executor.topology;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.IntSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Reads the host's NUMA topology from sysfs, yielding the per-node CPU and memory maps that {@code numactl -H} prints
 * (drove-contract.md §3).
 *
 * <p>Each {@code nodeN} folder under the node root is a node: its CPUs come from {@code nodeN/cpulist}, its memory from
 * the {@code Node N MemTotal: X kB} line of {@code nodeN/meminfo} (MB = X / 1024, rounded down). A node folder without
 * those files is an error. When the node root is absent or holds no node (kernels built without NUMA, some
 * containers), the whole host is one node 0 with every online CPU ({@code /sys/devices/system/cpu/online}, or ids
 * {@code 0..availableProcessors-1} if that file is missing too) and the {@code MemTotal} of {@code /proc/meminfo}.
 */
public final class SysfsTopologyReader {
    /** Where Linux lists NUMA nodes. */
    public static final Path NODE_ROOT = Path.of("/sys/devices/system/node");
    /** Where Linux lists the online CPUs, used when there is no NUMA information. */
    public static final Path ONLINE_CPUS = Path.of("/sys/devices/system/cpu/online");
    /** Host-wide memory, used when there is no NUMA information. */
    public static final Path PROC_MEMINFO = Path.of("/proc/meminfo");

    private static final Logger LOG = LoggerFactory.getLogger(SysfsTopologyReader.class);
    private static final Pattern NODE_FOLDER = Pattern.compile("node(\\d+)");
    private static final Pattern MEM_TOTAL = Pattern.compile("MemTotal:\\s*(\\d+)\\s*kB");

    private final Path nodeRoot;
    private final Path onlineCpus;
    private final Path procMeminfo;
    private final IntSupplier availableProcessors;

    /**
     * A reader over other roots than the host's, e.g. test fixtures.
     *
     * @param nodeRoot    folder holding {@code nodeN} folders
     * @param onlineCpus  file with the online CPU list, read only when there are no nodes
     * @param procMeminfo file in {@code /proc/meminfo} format, read only when there are no nodes
     */
    public SysfsTopologyReader(Path nodeRoot, Path onlineCpus, Path procMeminfo) {
        this(nodeRoot, onlineCpus, procMeminfo, Runtime.getRuntime()::availableProcessors);
    }

    SysfsTopologyReader(Path nodeRoot, Path onlineCpus, Path procMeminfo, IntSupplier availableProcessors) {
        this.nodeRoot = nodeRoot;
        this.onlineCpus = onlineCpus;
        this.procMeminfo = procMeminfo;
        this.availableProcessors = availableProcessors;
    }

    /** A reader of this machine's {@code /sys} and {@code /proc}. */
    public static SysfsTopologyReader ofThisHost() {
        return new SysfsTopologyReader(NODE_ROOT, ONLINE_CPUS, PROC_MEMINFO);
    }

    /**
     * Reads the topology and logs it in one line.
     *
     * @throws IllegalStateException if a file is missing or unreadable, or its content is not what the kernel writes;
     *                               the message names the file
     */
    public HostTopology read() {
        List<NumaNode> nodes = readNodes();
        HostTopology topology;
        if (nodes.isEmpty()) {
            topology = new HostTopology(List.of(singleNode()));
            LOG.info("No NUMA nodes under {}, so the whole host is one node. {}", nodeRoot, topology.describe());
        } else {
            topology = new HostTopology(nodes);
            LOG.info("{}", topology.describe());
        }
        return topology;
    }

    private List<NumaNode> readNodes() {
        if (!Files.isDirectory(nodeRoot)) {
            return List.of();
        }
        List<NumaNode> nodes = new ArrayList<>();
        try (Stream<Path> entries = Files.list(nodeRoot)) {
            for (Path entry : entries.toList()) {
                Matcher name = NODE_FOLDER.matcher(entry.getFileName().toString());
                if (name.matches() && Files.isDirectory(entry)) {
                    nodes.add(readNode(Integer.parseInt(name.group(1)), entry));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot list NUMA nodes in " + nodeRoot, e);
        }
        return nodes;
    }

    private NumaNode readNode(int id, Path folder) {
        return new NumaNode(id, parseCpus(folder.resolve("cpulist")), memTotalInMB(folder.resolve("meminfo")));
    }

    private NumaNode singleNode() {
        SortedSet<Integer> cpus = Files.isReadable(onlineCpus)
                ? parseCpus(onlineCpus)
                : IntStream.range(0, availableProcessors.getAsInt()).boxed()
                        .collect(TreeSet::new, TreeSet::add, TreeSet::addAll);
        return new NumaNode(0, cpus, memTotalInMB(procMeminfo));
    }

    private static SortedSet<Integer> parseCpus(Path file) {
        try {
            return CpuList.parse(readFile(file));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(file + ": " + e.getMessage(), e);
        }
    }

    /** Finds the {@code MemTotal} line, in both the per-node ({@code Node 0 MemTotal:}) and {@code /proc} forms. */
    private static long memTotalInMB(Path meminfo) {
        Matcher total = MEM_TOTAL.matcher(readFile(meminfo));
        if (!total.find()) {
            throw new IllegalStateException(meminfo + " has no 'MemTotal: <n> kB' line");
        }
        return Long.parseLong(total.group(1)) / 1024;
    }

    private static String readFile(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + file + " to find this host's CPUs and memory", e);
        }
    }
}
