package dev.drove.models.internal;

import dev.drove.models.json.Json;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class KnownInstancesDataTest {
    @Test
    void knowingNothingIsWrittenAsSixEmptyLists() throws Exception {
        assertThat(Json.mapper().writeValueAsString(KnownInstancesData.EMPTY)).isEqualTo(
                "{\"appInstanceIds\":[],\"staleAppInstanceIds\":[],\"taskInstanceIds\":[],"
                        + "\"staleTaskInstanceIds\":[],\"localServiceInstanceIds\":[],"
                        + "\"staleLocalServiceInstanceIds\":[]}");
    }

    @Test
    void absentListsAreReadAsEmpty() throws Exception {
        var read = Json.mapper().readValue("{\"appInstanceIds\":[\"AI-1\"]}", KnownInstancesData.class);

        assertThat(read.appInstanceIds()).containsExactly("AI-1");
        assertThat(read.staleAppInstanceIds()).isEmpty();
        assertThat(read.staleLocalServiceInstanceIds()).isEmpty();
    }

    @Test
    void reservedResourcesAreReadBackAsWritten() throws Exception {
        var reserved = new LocalServiceInstanceResources(2, 512, Map.of("LS-1", 1));

        var read = Json.mapper().readValue(Json.mapper().writeValueAsString(reserved),
                LocalServiceInstanceResources.class);

        assertThat(read).isEqualTo(reserved);
        assertThat(LocalServiceInstanceResources.EMPTY.requiredInstances()).isEqualTo(Map.of());
    }
}
