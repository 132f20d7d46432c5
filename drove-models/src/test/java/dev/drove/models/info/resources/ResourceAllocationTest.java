package dev.drove.models.info.resources;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.drove.models.json.Json;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResourceAllocationTest {
    @Test
    void numaNodesAreWrittenAsStringKeysWithCoresInOrder() throws Exception {
        var allocation = new CPUAllocation(Map.of(1, Set.of(9, 3, 5), 0, Set.of(2)));

        assertThat(Json.mapper().writeValueAsString(allocation))
                .isEqualTo("{\"type\":\"CPU\",\"cores\":{\"0\":[2],\"1\":[3,5,9]}}");
        assertThat(allocation.coreCount()).isEqualTo(4);
    }

    @Test
    void aListOfAllocationsIsReadBackAsCoresAndMemory() throws Exception {
        var json = "[{\"type\":\"CPU\",\"cores\":{\"0\":[2]}},"
                + "{\"type\":\"MEMORY\",\"memoryInMB\":{\"0\":128,\"1\":64}}]";

        List<ResourceAllocation> read = Json.mapper().readValue(json, new TypeReference<>() { });

        assertThat(read).containsExactly(new CPUAllocation(Map.of(0, Set.of(2))),
                new MemoryAllocation(Map.of(0, 128L, 1, 64L)));
        assertThat(((MemoryAllocation) read.get(1)).totalMB()).isEqualTo(192);
    }

    @Test
    void theFreeAndUsedViewsCountOverAllNodes() {
        var cpus = new AvailableCPU(Map.of(0, Set.of(3, 4), 1, Set.of(12)), Map.of(0, Set.of(2)));
        var memory = new AvailableMemory(Map.of(0, 1000L, 1, 24L), null);

        assertThat(cpus.freeCoreCount()).isEqualTo(3);
        assertThat(cpus.usedCoreCount()).isEqualTo(1);
        assertThat(memory.freeMB()).isEqualTo(1024);
        assertThat(memory.usedMB()).isZero();
    }

    @Test
    void allocationsCannotBeChangedAfterTheFact() {
        var allocation = new CPUAllocation(Map.of(0, Set.of(2)));

        assertThatThrownBy(() -> allocation.cores().get(0).add(3)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> allocation.cores().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
