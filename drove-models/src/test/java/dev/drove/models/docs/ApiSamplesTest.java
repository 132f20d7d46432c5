package dev.drove.models.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drove.models.api.ApiResponse;
import dev.drove.models.api.AppSummary;
import dev.drove.models.api.BlacklistOperationResponse;
import dev.drove.models.api.ClusterSummary;
import dev.drove.models.api.DroveEventsList;
import dev.drove.models.api.DroveEventsSummary;
import dev.drove.models.api.ExecutorSummary;
import dev.drove.models.api.ExposedAppInfo;
import dev.drove.models.api.LogFileChunk;
import dev.drove.models.api.LogFileList;
import dev.drove.models.api.OperationAccepted;
import dev.drove.models.cluster.ClusterStateData;
import dev.drove.models.info.nodedata.ExecutorNodeData;
import dev.drove.models.info.nodedata.ExecutorState;
import dev.drove.models.instance.InstanceInfo;
import dev.drove.models.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every API answer and read model printed in the reference docs is read as our type and written back unchanged,
 * except for the errata listed here.
 */
class ApiSamplesTest {
    /** The {@code data} of {@code GET /apis/v1/applications}: a map from app id to summary. */
    static final class AppSummaries extends LinkedHashMap<String, AppSummary> {
    }

    /**
     * Sample name to the type of its {@code data}, or of the whole sample when it is not an {@link ApiResponse}
     * (the log endpoints answer bare). {@code Void} means the envelope carries no data.
     */
    static final Map<String, Class<?>> CLAIMS = Map.ofEntries(
            entry("apis/application.md#2", OperationAccepted.class),
            entry("apis/application.md#3", Void.class),
            entry("apis/application.md#4", AppSummaries.class),
            entry("apis/application.md#5", AppSummary.class),
            entry("apis/application.md#7", InstanceInfo[].class),
            entry("apis/application.md#8", InstanceInfo[].class),
            entry("apis/application.md#9", InstanceInfo.class),
            entry("apis/application.md#10", ExposedAppInfo[].class),
            entry("apis/cluster.md#1", String.class),
            entry("apis/cluster.md#2", ClusterSummary.class),
            entry("apis/cluster.md#3", ClusterStateData.class),
            entry("apis/cluster.md#4", ClusterStateData.class),
            entry("apis/cluster.md#5", ExecutorSummary[].class),
            entry("apis/cluster.md#6", ExecutorNodeData.class),
            entry("apis/cluster.md#7", BlacklistOperationResponse.class),
            entry("apis/cluster.md#8", BlacklistOperationResponse.class),
            entry("apis/cluster.md#9", DroveEventsList.class),
            entry("apis/cluster.md#10", DroveEventsSummary.class),
            entry("apis/index.md#1", OperationAccepted.class),
            entry("apis/logs.md#1", LogFileList.class),
            entry("apis/logs.md#2", LogFileChunk.class),
            entry("apis/task.md#2", OperationAccepted.class),
            entry("applications/operations.md#3", OperationAccepted.class),
            entry("applications/operations.md#5", OperationAccepted.class),
            entry("applications/operations.md#7", OperationAccepted.class),
            entry("applications/operations.md#9", OperationAccepted.class),
            entry("applications/operations.md#11", OperationAccepted.class),
            entry("applications/operations.md#13", OperationAccepted.class),
            entry("applications/operations.md#15", OperationAccepted.class),
            entry("cluster/maintenance.md#1", ClusterStateData.class),
            entry("cluster/maintenance.md#2", ClusterStateData.class),
            entry("cluster/maintenance.md#3", BlacklistOperationResponse.class),
            entry("cluster/maintenance.md#4", BlacklistOperationResponse.class),
            entry("cluster/setup/controller.md#1", String.class),
            entry("cluster/setup/maintenance.md#1", ClusterStateData.class),
            entry("cluster/setup/maintenance.md#2", ClusterStateData.class),
            entry("cluster/setup/maintenance.md#3", BlacklistOperationResponse.class),
            entry("cluster/setup/maintenance.md#4", BlacklistOperationResponse.class),
            entry("tasks/operations.md#3", OperationAccepted.class),
            entry("tasks/operations.md#5", OperationAccepted.class));

    /** Samples of specs, operation requests and TaskInfo answers: the spec-side contract tests claim these. */
    static final Set<String> SPEC_SIDE_SAMPLES = Set.of(
            "tasks/specification.md#1",
            "applications/operations.md#1", "applications/operations.md#2", "applications/operations.md#4",
            "applications/operations.md#6", "applications/operations.md#8", "applications/operations.md#10",
            "applications/operations.md#12", "applications/operations.md#14",
            "tasks/operations.md#1", "tasks/operations.md#2", "tasks/operations.md#4",
            "apis/application.md#1", "apis/application.md#6",
            "apis/task.md#1", "apis/task.md#3", "apis/task.md#4");
    static final List<String> SPEC_SIDE_FILES = List.of(
            "applications/specification.md#", "snippets/common_configs.md#");

    /**
     * Where what we write knowingly differs from a sample. All are fields the docs' samples predate: we always write
     * them, the samples were taken from an older release.
     */
    static final Map<String, List<String>> ERRATA = Map.of(
            "apis/application.md#4", List.of("added data.TEST_APP-1.tags = {}"),
            "apis/application.md#5", List.of("added data.tags = {}"),
            "apis/cluster.md#2", List.of(
                    "added data.numActiveTasks = 0",
                    "added data.numLocalServices = 0",
                    "added data.numActiveLocalServices = 0"),
            // The executor sample has "blacklisted" (we read it and write it back, derived) and no "executorState".
            "apis/cluster.md#6", List.of(
                    "added data.serviceInstances = []",
                    "added data.metadata = {}",
                    "added data.executorState = \"ACTIVE\""));

    private static final ObjectMapper MAPPER = Json.mapper();

    static Stream<String> claimedSamples() {
        return new TreeMap<>(CLAIMS).keySet().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("claimedSamples")
    void aClaimedSampleIsReadAsItsTypeAndWrittenBackAsTheDocsPrintItBarItsErrata(String name) throws Exception {
        var sample = DocSamples.named(name);
        var docs = MAPPER.readTree(sample.json());
        var type = CLAIMS.get(name);

        var ours = isEnvelope(docs) ? readEnvelope(sample, type) : readBare(sample, type);

        assertThat(TreeDifferences.between(docs, ours))
                .as("differences between %s and what we write back", name)
                .containsExactlyInAnyOrderElementsOf(ERRATA.getOrDefault(name, List.of()));
    }

    @Test
    void everyDocSampleIsClaimedHereOrByTheSpecSideTestsAndNoneByBoth() {
        var names = DocSamples.all().stream().map(DocSamples.Sample::name).toList();

        assertThat(names)
                .filteredOn(n -> !CLAIMS.containsKey(n) && !isSpecSide(n))
                .as("samples nobody claims")
                .isEmpty();
        assertThat(CLAIMS.keySet()).filteredOn(ApiSamplesTest::isSpecSide).as("claimed twice").isEmpty();
        assertThat(names).as("claims of samples that do not exist").containsAll(CLAIMS.keySet());
    }

    @Test
    void everyErratumBelongsToAClaimedSample() {
        assertThat(CLAIMS.keySet()).containsAll(ERRATA.keySet());
    }

    @Test
    void theExecutorSampleReadsItsBlacklistedFlagAsTheExecutorState() throws Exception {
        var docs = MAPPER.readTree(DocSamples.named("apis/cluster.md#6").json());

        assertThat(docs.path("data").has("blacklisted")).isTrue();
        assertThat(docs.path("data").has("executorState")).isFalse();
        var blacklisted = (ObjectNode) docs.path("data").deepCopy();
        blacklisted.put("blacklisted", true);
        var node = MAPPER.treeToValue(blacklisted, ExecutorNodeData.class);
        assertThat(node.executorState()).isEqualTo(ExecutorState.BLACKLISTED);
        assertThat(MAPPER.valueToTree(node).path("blacklisted").asBoolean()).isTrue();
    }

    private static boolean isSpecSide(String name) {
        return SPEC_SIDE_SAMPLES.contains(name) || SPEC_SIDE_FILES.stream().anyMatch(name::startsWith);
    }

    private static boolean isEnvelope(JsonNode docs) {
        return docs.has("status");
    }

    private static JsonNode readEnvelope(DocSamples.Sample sample, Class<?> dataType) throws Exception {
        var type = MAPPER.getTypeFactory().constructParametricType(ApiResponse.class, dataType);
        ApiResponse<?> response = MAPPER.readerFor(type).readValue(sample.json());
        assertThat(response.status()).isNotNull();
        if (dataType == Void.class) {
            assertThat(response.data()).isNull();
        } else {
            assertThat(response.data()).isInstanceOf(dataType);
        }
        if (response.data() instanceof AppSummaries apps) {
            assertThat(apps.values()).isNotEmpty().allMatch(AppSummary.class::isInstance);
        }
        return MAPPER.valueToTree(response);
    }

    private static JsonNode readBare(DocSamples.Sample sample, Class<?> type) throws Exception {
        Object value = MAPPER.readerFor(type).readValue(sample.json());
        assertThat(value).isInstanceOf(type);
        return MAPPER.valueToTree(value);
    }
}
