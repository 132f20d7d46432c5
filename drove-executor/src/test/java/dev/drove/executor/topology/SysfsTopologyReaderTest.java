package dev.drove.executor.topology;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;

import static dev.drove.executor.topology.Fixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class SysfsTopologyReaderTest {

    @Test
    void eachNodeFolderIsANodeWithItsCpuListAndMemTotal() {
        HostTopology topology = Fixtures.reader("two-nodes").read();

        assertThat(topology.nodes()).containsExactly(
                new NumaNode(0, new TreeSet<>(List.of(0, 1, 2, 3, 8, 9, 10, 11)), 16384),
                new NumaNode(1, new TreeSet<>(List.of(4, 5, 6, 7, 12, 13, 14, 15)), 16384));
    }

    @Test
    void theTopologyDescribesItselfInOneOperatorFriendlyLine() {
        assertThat(Fixtures.twoNodes().describe()).isEqualTo("Found 2 NUMA nodes: "
                + "node 0 has 8 CPUs (0-3,8-11) and 16384 MB, node 1 has 8 CPUs (4-7,12-15) and 16384 MB");
    }

    @Test
    void withoutANodeFolderTheHostIsOneNodeWithItsOnlineCpusAndMemTotal() {
        HostTopology topology = Fixtures.reader("no-numa").read();

        assertThat(topology.nodes()).containsExactly(
                new NumaNode(0, new TreeSet<>(List.of(0, 1, 2, 3, 4, 5)), 8192));
        assertThat(topology.describe()).isEqualTo("Found 1 NUMA node: node 0 has 6 CPUs (0-5) and 8192 MB");
    }

    @Test
    void aNodeFolderWithoutNodesFallsBackToOneNodeToo(@TempDir Path sys) throws IOException {
        Path nodeRoot = Files.createDirectories(sys.resolve("node"));
        Files.writeString(nodeRoot.resolve("possible"), "0\n");
        Path noNuma = fixture("no-numa");

        HostTopology topology = new SysfsTopologyReader(nodeRoot, noNuma.resolve("cpu/online"),
                noNuma.resolve("meminfo")).read();

        assertThat(topology.nodes()).extracting(NumaNode::id, node -> node.cpus().size(), NumaNode::memoryInMB)
                .containsExactly(tuple(0, 6, 8192L));
    }

    @Test
    void withoutAnOnlineCpuFileTheFallbackCountsAvailableProcessors(@TempDir Path sys) {
        Path noNuma = fixture("no-numa");

        HostTopology topology = new SysfsTopologyReader(sys.resolve("node"), sys.resolve("cpu/online"),
                noNuma.resolve("meminfo"), () -> 3).read();

        assertThat(topology.nodes()).containsExactly(new NumaNode(0, new TreeSet<>(List.of(0, 1, 2)), 8192));
    }

    @Test
    void aNodeWithoutCpusIsKeptForItsMemory(@TempDir Path sys) throws IOException {
        writeNode(sys, 0, "0-1", 2048 * 1024);
        writeNode(sys, 2, "", 4096 * 1024);

        HostTopology topology = new SysfsTopologyReader(sys, sys.resolve("online"), sys.resolve("meminfo")).read();

        assertThat(topology.nodes()).extracting(NumaNode::id, node -> node.cpus().size(), NumaNode::memoryInMB)
                .containsExactly(tuple(0, 2, 2048L),
                        tuple(2, 0, 4096L));
    }

    @Test
    void memoryIsRoundedDownToWholeMegabytes(@TempDir Path sys) throws IOException {
        writeNode(sys, 0, "0", 2047);

        assertThat(new SysfsTopologyReader(sys, sys, sys).read().nodes().get(0).memoryInMB()).isEqualTo(1);
    }

    @Test
    void aNodeWithoutMeminfoStopsTheExecutorNamingTheFile(@TempDir Path sys) throws IOException {
        Path node = Files.createDirectories(sys.resolve("node0"));
        Files.writeString(node.resolve("cpulist"), "0-3\n");

        assertThatThrownBy(() -> new SysfsTopologyReader(sys, sys, sys).read())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Cannot read " + node.resolve("meminfo"));
    }

    @Test
    void aGarbledCpuListStopsTheExecutorNamingTheFile(@TempDir Path sys) throws IOException {
        writeNode(sys, 0, "zero", 1024);

        assertThatThrownBy(() -> new SysfsTopologyReader(sys, sys, sys).read())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(sys.resolve("node0/cpulist") + ": 'zero' is not a CPU list such as 0-3,8-11");
    }

    @Test
    void aMeminfoWithoutMemTotalStopsTheExecutorNamingTheFile(@TempDir Path sys) throws IOException {
        Path node = Files.createDirectories(sys.resolve("node0"));
        Files.writeString(node.resolve("cpulist"), "0\n");
        Files.writeString(node.resolve("meminfo"), "Node 0 MemFree: 10 kB\n");

        assertThatThrownBy(() -> new SysfsTopologyReader(sys, sys, sys).read())
                .hasMessage(node.resolve("meminfo") + " has no 'MemTotal: <n> kB' line");
    }

    @Test
    void thisMachineHasAtLeastOneNodeWithACpu() {
        HostTopology topology = SysfsTopologyReader.ofThisHost().read();

        assertThat(topology.nodes()).isNotEmpty();
        assertThat(topology.nodes()).anySatisfy(node -> {
            assertThat(node.cpus()).isNotEmpty();
            assertThat(node.memoryInMB()).isPositive();
        });
    }

    private static void writeNode(Path root, int id, String cpus, long memTotalKb) throws IOException {
        Path node = Files.createDirectories(root.resolve("node" + id));
        Files.writeString(node.resolve("cpulist"), cpus + "\n");
        Files.writeString(node.resolve("meminfo"), "Node %d MemTotal:       %d kB\nNode %d MemFree: 1 kB\n"
                .formatted(id, memTotalKb, id));
    }
}
