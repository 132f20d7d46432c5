package dev.drove.models.docs;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import dev.drove.models.application.MountedVolume;
import dev.drove.models.application.checks.CheckModeSpec;
import dev.drove.models.application.checks.CmdCheckModeSpec;
import dev.drove.models.application.checks.HTTPCheckModeSpec;
import dev.drove.models.application.devices.DetailedDeviceSpec;
import dev.drove.models.application.devices.DeviceSpec;
import dev.drove.models.application.devices.DirectDeviceSpec;
import dev.drove.models.application.executable.DockerCoordinates;
import dev.drove.models.application.executable.ExecutableCoordinates;
import dev.drove.models.application.logging.LocalLoggingSpec;
import dev.drove.models.application.logging.LoggingSpec;
import dev.drove.models.application.logging.RsyslogLoggingSpec;
import dev.drove.models.application.placement.AnyPlacement;
import dev.drove.models.application.placement.CompositePlacement;
import dev.drove.models.application.placement.LocalPlacement;
import dev.drove.models.application.placement.MatchTagPlacement;
import dev.drove.models.application.placement.MaxNPerHostPlacement;
import dev.drove.models.application.placement.NoTagPlacement;
import dev.drove.models.application.placement.OnePerHostPlacement;
import dev.drove.models.application.placement.PlacementPolicy;
import dev.drove.models.application.placement.RuleBasedPlacement;
import dev.drove.models.application.requirements.CPURequirement;
import dev.drove.models.application.requirements.MemoryRequirement;
import dev.drove.models.application.requirements.ResourceRequirement;
import dev.drove.models.common.HTTPCallSpec;
import dev.drove.models.common.Protocol;
import dev.drove.models.config.ConfigSpec;
import dev.drove.models.config.ControllerHttpFetchConfigSpec;
import dev.drove.models.config.ExecutorHttpFetchConfigSpec;
import dev.drove.models.config.ExecutorLocalFileConfigSpec;
import dev.drove.models.config.InlineConfigSpec;
import dev.drove.models.json.Json;
import dev.drove.models.operation.ApplicationCreateOperation;
import dev.drove.models.operation.ApplicationDestroyOperation;
import dev.drove.models.operation.ApplicationOperation;
import dev.drove.models.operation.ApplicationRecoverOperation;
import dev.drove.models.operation.ApplicationReplaceInstancesOperation;
import dev.drove.models.operation.ApplicationScaleOperation;
import dev.drove.models.operation.ApplicationStartInstancesOperation;
import dev.drove.models.operation.ApplicationStopInstancesOperation;
import dev.drove.models.operation.ApplicationSuspendOperation;
import dev.drove.models.operation.ClusterOpSpec;
import dev.drove.models.operation.LocalServiceActivateOperation;
import dev.drove.models.operation.LocalServiceAdjustInstancesOperation;
import dev.drove.models.operation.LocalServiceCreateOperation;
import dev.drove.models.operation.LocalServiceDeactivateOperation;
import dev.drove.models.operation.LocalServiceDeployTestInstanceOperation;
import dev.drove.models.operation.LocalServiceDestroyOperation;
import dev.drove.models.operation.LocalServiceOperation;
import dev.drove.models.operation.LocalServiceReplaceInstancesOperation;
import dev.drove.models.operation.LocalServiceRestartOperation;
import dev.drove.models.operation.LocalServiceStopInstancesOperation;
import dev.drove.models.operation.LocalServiceUpdateInstanceCountOperation;
import dev.drove.models.operation.TaskCreateOperation;
import dev.drove.models.operation.TaskKillOperation;
import dev.drove.models.operation.TaskOperation;
import dev.drove.models.application.TestSpecs;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sealed families of specs and operations: {@code permits}, {@code @JsonSubTypes} and what Jackson writes and
 * reads must agree, for one example of every member.
 */
class SpecFamiliesTest {
    private static final ClusterOpSpec OP = ClusterOpSpec.DEFAULT;

    /** Each family with one example of every permitted member. */
    static final Map<Class<?>, List<Object>> EXAMPLES = Map.ofEntries(
            entry(ExecutableCoordinates.class, List.of(DockerCoordinates.of("ghcr.io/example/app:1"))),
            entry(ResourceRequirement.class, List.of(new CPURequirement(2), new MemoryRequirement(512))),
            entry(CheckModeSpec.class, List.of(HTTPCheckModeSpec.get("main", "/health"),
                    new CmdCheckModeSpec("curl -f localhost:8000", false))),
            entry(PlacementPolicy.class, List.of(new AnyPlacement(), new OnePerHostPlacement(),
                    new MaxNPerHostPlacement(3), new MatchTagPlacement("gpu"), new NoTagPlacement(),
                    new RuleBasedPlacement("hostname == 'a'", RuleBasedPlacement.RuleType.MVEL),
                    new CompositePlacement(List.of(new OnePerHostPlacement(), new MatchTagPlacement("gpu")),
                            CompositePlacement.Combiner.OR),
                    new LocalPlacement(true))),
            entry(LoggingSpec.class, List.of(LocalLoggingSpec.DEFAULT,
                    new RsyslogLoggingSpec("tcp://rsyslog:514", "drove-", null))),
            entry(DeviceSpec.class, List.of(
                    new DirectDeviceSpec("/dev/fuse", null, DirectDeviceSpec.Permissions.READ_WRITE),
                    new DetailedDeviceSpec("nvidia", null, List.of("0", "1"), List.of(List.of("gpu")), null))),
            entry(ConfigSpec.class, List.of(
                    new InlineConfigSpec("/etc/app.yml", "port: 8080".getBytes(StandardCharsets.UTF_8)),
                    new ExecutorLocalFileConfigSpec("/etc/app.yml", "/mnt/configs/app.yml"),
                    new ControllerHttpFetchConfigSpec("/etc/app.yml",
                            HTTPCallSpec.get(Protocol.HTTPS, "configs.local", 0, "/app")),
                    new ExecutorHttpFetchConfigSpec("/etc/app.yml",
                            HTTPCallSpec.get(Protocol.HTTP, "configs.local", 8080, "/app")))),
            entry(ApplicationOperation.class, List.of(
                    new ApplicationCreateOperation(TestSpecs.application(), 2, OP),
                    new ApplicationDestroyOperation("billing-1", OP),
                    new ApplicationStartInstancesOperation("billing-1", 2, OP),
                    new ApplicationStopInstancesOperation("billing-1", List.of("AI-1"), true, OP),
                    new ApplicationScaleOperation("billing-1", 4, OP),
                    new ApplicationReplaceInstancesOperation("billing-1", Set.of("AI-1"), false, OP),
                    new ApplicationSuspendOperation("billing-1", OP),
                    new ApplicationRecoverOperation("billing-1"))),
            entry(TaskOperation.class, List.of(
                    new TaskCreateOperation(TestSpecs.task(), OP),
                    new TaskKillOperation("billing", "T0012", OP))),
            entry(LocalServiceOperation.class, List.of(
                    new LocalServiceCreateOperation(TestSpecs.localService(), 1),
                    new LocalServiceActivateOperation("agent-2"),
                    new LocalServiceDeactivateOperation("agent-2"),
                    new LocalServiceDeployTestInstanceOperation("agent-2"),
                    new LocalServiceAdjustInstancesOperation("agent-2", OP),
                    new LocalServiceReplaceInstancesOperation("agent-2", Set.of(), true, OP),
                    new LocalServiceRestartOperation("agent-2", false, OP),
                    new LocalServiceStopInstancesOperation("agent-2", Set.of("LSI-1"), OP),
                    new LocalServiceUpdateInstanceCountOperation("agent-2", 2),
                    new LocalServiceDestroyOperation("agent-2"))));

    static Stream<Class<?>> families() {
        return EXAMPLES.keySet().stream().sorted((a, b) -> a.getSimpleName().compareTo(b.getSimpleName()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("families")
    void everyPermittedSubclassIsNamedInJsonSubTypesAndNothingElseIs(Class<?> family) {
        var listed = Arrays.stream(family.getAnnotation(JsonSubTypes.class).value())
                .map(JsonSubTypes.Type::value)
                .toList();

        assertThat(family.isSealed()).isTrue();
        assertThat(listed).doesNotHaveDuplicates();
        assertThat(listed).containsExactlyInAnyOrder(family.getPermittedSubclasses());
        assertThat(typeNames(family)).doesNotHaveDuplicates().doesNotContain("");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("families")
    void everyMemberWritesItsTypeNameAndReadsBackEqual(Class<?> family) throws Exception {
        var examples = EXAMPLES.get(family);
        assertThat(examples).extracting(Object::getClass).as("one example per member")
                .containsExactlyInAnyOrder(family.getPermittedSubclasses());

        for (var example : examples) {
            var json = Json.mapper().writeValueAsString(example);
            var tree = Json.mapper().readTree(json);

            assertThat(tree.path("type").asText()).as(json).isEqualTo(typeName(family, example.getClass()));
            assertThat(Json.mapper().readValue(json, family)).as(json).isEqualTo(example);
        }
    }

    static String typeName(Class<?> family, Class<?> member) {
        return Arrays.stream(family.getAnnotation(JsonSubTypes.class).value())
                .filter(t -> t.value().equals(member))
                .map(JsonSubTypes.Type::name)
                .findFirst()
                .orElseThrow();
    }

    private static List<String> typeNames(Class<?> family) {
        var names = new ArrayList<String>();
        for (var subtype : family.getAnnotation(JsonSubTypes.class).value()) {
            names.add(subtype.name());
            names.addAll(Arrays.asList(subtype.names()));
        }
        return names;
    }
}
