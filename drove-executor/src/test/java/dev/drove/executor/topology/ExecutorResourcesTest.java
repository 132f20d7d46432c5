package dev.drove.executor.topology;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class ExecutorResourcesTest {
    private static final HostTopology TWO_NODES = Fixtures.twoNodes();
    private static final String HOST = "executor-1.example";

    private static ResourceConfig config(Set<Integer> osCores, Integer exposedMemPercentage, Boolean disableNUMAPinning,
                                         ResourceConfig.OverProvisioning overProvisioning) {
        return new ResourceConfig(osCores, exposedMemPercentage, disableNUMAPinning, null, null, overProvisioning);
    }

    private static ResourceConfig.OverProvisioning overProvisioning(int cpuMultiplier, int memoryMultiplier) {
        return new ResourceConfig.OverProvisioning(true, cpuMultiplier, memoryMultiplier);
    }

    /** Rows: config → per node the offered core ids (kernel list format) and memory in MB. */
    static Stream<Arguments> offers() {
        return Stream.of(
                arguments("defaults offer every CPU and all memory per node", ResourceConfig.DEFAULTS,
                        Map.of(0, "0-3,8-11", 1, "4-7,12-15"), Map.of(0, 16384L, 1, 16384L)),
                arguments("osCores 0 and 8 come off node 0 only", config(Set.of(0, 8), null, null, null),
                        Map.of(0, "1-3,9-11", 1, "4-7,12-15"), Map.of(0, 16384L, 1, 16384L)),
                arguments("osCores 0 and 4 come off each node", config(Set.of(0, 4), null, null, null),
                        Map.of(0, "1-3,8-11", 1, "5-7,12-15"), Map.of(0, 16384L, 1, 16384L)),
                arguments("osCores that are not on this host are ignored", config(Set.of(99), null, null, null),
                        Map.of(0, "0-3,8-11", 1, "4-7,12-15"), Map.of(0, 16384L, 1, 16384L)),
                arguments("exposedMemPercentage 60 rounds down", config(null, 60, null, null),
                        Map.of(0, "0-3,8-11", 1, "4-7,12-15"), Map.of(0, 9830L, 1, 9830L)),
                arguments("exposedMemPercentage 50 halves memory", config(null, 50, null, null),
                        Map.of(0, "0-3,8-11", 1, "4-7,12-15"), Map.of(0, 8192L, 1, 8192L)),
                arguments("over-provisioning ×3 names vcores after prime 5 on each node's own CPUs",
                        config(null, null, null, overProvisioning(3, 2)),
                        Map.of(0, "6-8,11-13,16-18,21-23,46-48,51-53,56-58,61-63",
                                1, "26-28,31-33,36-38,41-43,66-68,71-73,76-78,81-83"),
                        Map.of(0, 32768L, 1, 32768L)),
                arguments("multipliers count only when over-provisioning is enabled",
                        config(null, null, null, new ResourceConfig.OverProvisioning(false, 3, 2)),
                        Map.of(0, "0-3,8-11", 1, "4-7,12-15"), Map.of(0, 16384L, 1, 16384L)),
                arguments("disableNUMAPinning merges every node into node 0", config(null, null, true, null),
                        Map.of(0, "0-15"), Map.of(0, 32768L)),
                arguments("everything at once: osCores, 90%, over-provisioning ×3, one node",
                        config(Set.of(0), 90, true, overProvisioning(3, 1)),
                        Map.of(0, "11-13,16-18,21-23,26-28,31-33,36-38,41-43,46-48,51-53,56-58,61-63,66-68,71-73,"
                                + "76-78,81-83"),
                        Map.of(0, 29490L)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("offers")
    void theTwoNodeHostOffers(String name, ResourceConfig config, Map<Integer, String> cores, Map<Integer, Long> memory) {
        ExecutorResources resources = ExecutorResources.offer(TWO_NODES, config, HOST);

        SortedMap<Integer, String> offeredCores = new TreeMap<>();
        SortedMap<Integer, Long> offeredMemory = new TreeMap<>();
        resources.nodes().forEach((id, node) -> {
            offeredCores.put(id, CpuList.format(node.cores()));
            offeredMemory.put(id, node.memoryInMB());
        });
        assertThat(offeredCores).isEqualTo(new TreeMap<>(cores));
        assertThat(offeredMemory).isEqualTo(new TreeMap<>(memory));
    }

    @ParameterizedTest(name = "cpuMultiplier {0}")
    @ValueSource(ints = {1, 2, 3, 4, 10, 20})
    void overProvisionedVcoresMapBackToCpusOfTheirOwnNodeAndNeverCrossNodes(int cpuMultiplier) {
        ExecutorResources resources = ExecutorResources.offer(TWO_NODES,
                config(Set.of(0), null, null, overProvisioning(cpuMultiplier, 1)), HOST);

        Set<Integer> seen = new HashSet<>();
        for (OfferedNode node : resources.nodes().values()) {
            NumaNode host = TWO_NODES.node(node.id()).orElseThrow();
            assertThat(node.cores()).hasSize(cpuMultiplier * node.physicalCores().size());
            assertThat(resources.physicalCoresOf(node.cores())).isEqualTo(node.physicalCores());
            assertThat(host.cpus()).containsAll(node.physicalCores());
            for (int vcore : node.cores()) {
                assertThat(host.cpus()).contains(resources.physicalCoresOf(List.of(vcore)).first());
                assertThat(seen.add(vcore)).as("vcore %d is offered on one node only", vcore).isTrue();
            }
        }
        assertThat(resources.totalCores()).isEqualTo(15 * cpuMultiplier);
        assertThat(resources.isOverProvisioned()).isTrue();
    }

    @Test
    void vcoresTurnBackIntoTheDistinctCpusForCpusetCpus() {
        ExecutorResources resources = ExecutorResources.offer(TWO_NODES,
                config(null, null, null, overProvisioning(3, 1)), HOST);

        assertThat(resources.physicalCoresOf(List.of(6, 7, 8))).containsExactly(0);
        assertThat(resources.physicalCoresOf(List.of(8, 46, 26))).containsExactly(0, 4, 8);
    }

    @Test
    void withoutOverProvisioningCoresAreTheirOwnCpus() {
        ExecutorResources resources = ExecutorResources.offer(TWO_NODES, ResourceConfig.DEFAULTS, HOST);

        assertThat(resources.physicalCoresOf(List.of(3, 12, 1))).containsExactly(1, 3, 12);
        assertThat(resources.isOverProvisioned()).isFalse();
    }

    @Test
    void aCoreThatIsNotOfferedHasNoCpu() {
        ExecutorResources resources = ExecutorResources.offer(TWO_NODES, config(Set.of(0), null, null, null), HOST);

        assertThatThrownBy(() -> resources.physicalCoresOf(List.of(1, 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Core 0 is not offered by this executor");
    }

    @Test
    void theLayoutShowsThePhysicalCpusAndScaledMemoryBeforeMultipliers() {
        ExecutorResources resources = ExecutorResources.offer(TWO_NODES,
                config(Set.of(0, 8), 60, null, overProvisioning(3, 2)), HOST);

        PhysicalLayout layout = resources.layout();
        assertThat(layout.cores()).containsOnlyKeys(0, 1);
        assertThat(CpuList.format(layout.cores().get(0))).isEqualTo("1-3,9-11");
        assertThat(CpuList.format(layout.cores().get(1))).isEqualTo("4-7,12-15");
        assertThat(layout.memory()).containsExactlyEntriesOf(new TreeMap<>(Map.of(0, 9830L, 1, 9830L)));
        assertThat(resources.node(0).memoryInMB()).isEqualTo(19660L);
    }

    @Test
    void disablingNumaPinningMergesTheLayoutAndForbidsCpusetMems() {
        ExecutorResources pinned = ExecutorResources.offer(TWO_NODES, ResourceConfig.DEFAULTS, HOST);
        ExecutorResources unpinned = ExecutorResources.offer(TWO_NODES, config(null, null, true, null), HOST);

        assertThat(pinned.isNumaPinned()).isTrue();
        assertThat(unpinned.isNumaPinned()).isFalse();
        assertThat(unpinned.layout().cores()).containsOnlyKeys(0);
        assertThat(unpinned.layout().cores().get(0)).hasSize(16);
        assertThat(unpinned.layout().memory()).containsEntry(0, 32768L);
    }

    @Test
    void osCoresThatReserveEveryCpuStopTheExecutor() {
        ResourceConfig everything = config(Set.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15), null, null,
                null);

        assertThatThrownBy(() -> ExecutorResources.offer(TWO_NODES, everything, HOST))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("resources.osCores 0-15 reserve every CPU of this host (0-15); "
                        + "leave at least one for containers");
    }

    @Test
    void osCoresThatAreNotOnThisHostAreLoggedAsAWarning() {
        Logger logger = (Logger) LoggerFactory.getLogger(ExecutorResources.class);
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.start();
        logger.addAppender(events);
        try {
            ExecutorResources.offer(TWO_NODES, config(Set.of(2, 40, 41), null, null, null), HOST);
        } finally {
            logger.detachAppender(events);
        }

        assertThat(events.list).filteredOn(event -> event.getLevel() == Level.WARN)
                .extracting(ILoggingEvent::getFormattedMessage)
                .containsExactly("osCores 40-41 are not CPUs of this host (it has 0-15); ignoring them");
    }

    @Test
    void aHostLeftWithoutMemoryStopsTheExecutor() {
        HostTopology tiny = new HostTopology(List.of(new NumaNode(0, new TreeSet<>(Set.of(0)), 1)));

        assertThatThrownBy(() -> ExecutorResources.offer(tiny, config(null, 50, null, null), HOST))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("This host offers no memory to containers");
    }

    @Test
    void theHostnameIsAlwaysATag() {
        ResourceConfig tagged = new ResourceConfig(null, null, null, null, Set.of("gpu", "staging"), null);

        assertThat(ExecutorResources.offer(TWO_NODES, tagged, HOST).tags())
                .containsExactly("executor-1.example", "gpu", "staging");
        assertThat(ExecutorResources.offer(TWO_NODES, ResourceConfig.DEFAULTS, HOST).tags())
                .containsExactly("executor-1.example");
    }

    @Test
    void aBlankHostnameIsRejected() {
        assertThatThrownBy(() -> ExecutorResources.offer(TWO_NODES, ResourceConfig.DEFAULTS, " "))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anUnknownNodeIsNamedInTheError() {
        ExecutorResources resources = ExecutorResources.offer(TWO_NODES, ResourceConfig.DEFAULTS, HOST);

        assertThatThrownBy(() -> resources.node(2))
                .hasMessage("This executor offers no NUMA node 2; it offers [0, 1]");
    }

    @Test
    void aHostWithoutNumaOffersOneNodeFromTheFallback() {
        HostTopology noNuma = Fixtures.reader("no-numa").read();

        ExecutorResources resources = ExecutorResources.offer(noNuma, config(Set.of(0), 90, null, null), HOST);

        assertThat(resources.nodes()).containsOnlyKeys(0);
        assertThat(CpuList.format(resources.node(0).cores())).isEqualTo("1-5");
        assertThat(resources.node(0).memoryInMB()).isEqualTo(7372L);
        assertThat(resources.totalMemoryInMB()).isEqualTo(7372L);
    }

    @Test
    void thisMachineOffersAtLeastOneCore() {
        ExecutorResources resources = ExecutorResources.offer(SysfsTopologyReader.ofThisHost().read(),
                ResourceConfig.DEFAULTS, HOST);

        assertThat(resources.totalCores()).isPositive();
        assertThat(resources.totalMemoryInMB()).isPositive();
    }
}
