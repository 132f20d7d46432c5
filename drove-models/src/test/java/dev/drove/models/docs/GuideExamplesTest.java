package dev.drove.models.docs;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.databind.JsonNode;
import dev.drove.models.api.AppSummary;
import dev.drove.models.api.BlacklistOperationResponse;
import dev.drove.models.api.ClusterSummary;
import dev.drove.models.api.DroveEventsList;
import dev.drove.models.api.DroveEventsSummary;
import dev.drove.models.api.ExecutorSummary;
import dev.drove.models.api.ExposedAppInfo;
import dev.drove.models.api.LocalServiceSummary;
import dev.drove.models.api.LogFileChunk;
import dev.drove.models.api.LogFileList;
import dev.drove.models.api.OperationAccepted;
import dev.drove.models.api.SpecValidity;
import dev.drove.models.api.ValidationErrors;
import dev.drove.models.application.ApplicationSpec;
import dev.drove.models.application.MountedVolume;
import dev.drove.models.application.PortSpec;
import dev.drove.models.application.PreShutdownSpec;
import dev.drove.models.application.checks.CheckModeSpec;
import dev.drove.models.application.checks.CheckSpec;
import dev.drove.models.application.devices.DeviceSpec;
import dev.drove.models.application.executable.ExecutableCoordinates;
import dev.drove.models.application.exposure.ExposureSpec;
import dev.drove.models.application.logging.LoggingSpec;
import dev.drove.models.application.nonroot.UserSpec;
import dev.drove.models.application.placement.PlacementPolicy;
import dev.drove.models.application.requirements.ResourceRequirement;
import dev.drove.models.cluster.ClusterStateData;
import dev.drove.models.common.HTTPCallSpec;
import dev.drove.models.config.ConfigSpec;
import dev.drove.models.events.DroveEvent;
import dev.drove.models.info.nodedata.ExecutorNodeData;
import dev.drove.models.instance.InstanceInfo;
import dev.drove.models.instance.LocalServiceInstanceInfo;
import dev.drove.models.json.Json;
import dev.drove.models.localservice.LocalServiceSpec;
import dev.drove.models.operation.ApplicationOperation;
import dev.drove.models.operation.ClusterOpSpec;
import dev.drove.models.operation.LocalServiceOperation;
import dev.drove.models.operation.TaskOperation;
import dev.drove.models.task.TaskSpec;
import dev.drove.models.taskinstance.TaskInfo;
import dev.drove.models.validation.ContractReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9: every JSON example of our user guide is tested. Each block declares its kind and reads cleanly as it; the
 * operations page shows every operation a user may submit; the spec pages show every field of their spec.
 */
class GuideExamplesTest {
    /** The types an example may declare: the contract's specs, operations, their parts and the API's answers. */
    static final List<Class<?>> KNOWN_TYPES = List.of(
            ApplicationSpec.class, TaskSpec.class, LocalServiceSpec.class,
            ApplicationOperation.class, TaskOperation.class, LocalServiceOperation.class, ClusterOpSpec.class,
            ExecutableCoordinates.class, PortSpec.class, MountedVolume.class, ConfigSpec.class, HTTPCallSpec.class,
            ResourceRequirement.class, PlacementPolicy.class, CheckSpec.class, CheckModeSpec.class,
            ExposureSpec.class, PreShutdownSpec.class, LoggingSpec.class, DeviceSpec.class, UserSpec.class,
            OperationAccepted.class, ValidationErrors.class, SpecValidity.class, String.class,
            AppSummary.class, InstanceInfo.class, TaskInfo.class, LocalServiceSummary.class,
            LocalServiceInstanceInfo.class, ClusterSummary.class, ClusterStateData.class, ExecutorSummary.class,
            ExecutorNodeData.class, BlacklistOperationResponse.class, ExposedAppInfo.class, DroveEvent.class,
            DroveEventsList.class, DroveEventsSummary.class, LogFileList.class, LogFileChunk.class);
    /** Operations the API refuses from users: documented in words, not as a request. */
    static final Set<String> INTERNAL_OPERATIONS = Set.of("ApplicationOperation RECOVER");

    private static final GuideExamples EXAMPLES = new GuideExamples(KNOWN_TYPES, ContractReader.standard());

    static Stream<GuideExamples.Example> guideExamples() {
        return GuideExamples.examplesIn(GuideExamples.repositoryRoot()).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("guideExamples")
    void everyJsonBlockOfTheGuideDeclaresItsKindAndReadsCleanlyAsIt(GuideExamples.Example example) {
        assertThat(EXAMPLES.problems(example)).as(example.toString()).isEmpty();
    }

    @Test
    void theOperationsPageShowsEveryOperationAUserMaySubmit() {
        var shown = new TreeSet<String>();
        guideExamples().filter(e -> e.file().equals("docs/operations.md") && !e.isSkipped())
                .forEach(e -> shown.add(e.kind() + " " + json(e).path("type").asText()));

        assertThat(shown).containsAll(operationsUsersSubmit());
    }

    static Stream<Arguments> specPages() {
        return Stream.of(Arguments.of("docs/applications.md", ApplicationSpec.class),
                Arguments.of("docs/tasks.md", TaskSpec.class),
                Arguments.of("docs/local-services.md", LocalServiceSpec.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specPages")
    void aSpecPageShowsEveryFieldOfItsSpecInATestedExample(String page, Class<? extends Record> spec) {
        var shown = new TreeSet<String>();
        guideExamples().filter(e -> e.file().equals(page) && spec.getSimpleName().equals(e.kind()))
                .forEach(e -> json(e).fieldNames().forEachRemaining(shown::add));

        assertThat(shown).containsAll(Arrays.stream(spec.getRecordComponents()).map(c -> c.getName()).toList());
    }

    @Test
    void theGuideHasExamplesOfEveryKindOfRequest() {
        var kinds = guideExamples().map(GuideExamples.Example::kind).toList();

        assertThat(kinds).contains("ApplicationSpec", "TaskSpec", "LocalServiceSpec", "ApplicationOperation",
                "TaskOperation", "LocalServiceOperation");
    }

    static Stream<Arguments> brokenExamples() {
        return Stream.of(
                Arguments.of("an undeclared block", null, "{\"type\": \"ANY\"}", "declares no kind"),
                Arguments.of("a misspelt type", "PlacementPolcy", "{\"type\": \"ANY\"}", "unknown type"),
                Arguments.of("a kind that is no kind", "Placement Policy", "{}", "which is not a kind"),
                Arguments.of("a skip without reason", "skip:", "{}", "without a reason"),
                Arguments.of("text that is not JSON", "PlacementPolicy", "{\"type\": ANY}", "not valid JSON"),
                Arguments.of("an unknown field", "PlacementPolicy", "{\"type\": \"ANY\", \"hosts\": 2}",
                        "unknown field 'hosts'"),
                Arguments.of("an unknown subtype", "PlacementPolicy", "{\"type\": \"SOMETIMES\"}", "'SOMETIMES'"),
                Arguments.of("a value out of range", "PlacementPolicy", "{\"type\": \"MAX_N_PER_HOST\", \"max\": 65}",
                        "max must be less than or equal to 64"),
                Arguments.of("a list kind given an object", "PlacementPolicy[]", "{\"type\": \"ANY\"}",
                        "is not a list"),
                Arguments.of("a bad element of a list", "PlacementPolicy[]", "[{\"type\": \"ANY\"}, {\"type\": 1}]",
                        "[1]: "),
                Arguments.of("an envelope without its declared data", "ApiResponse<OperationAccepted>",
                        "{\"status\": \"SUCCESS\", \"message\": \"success\"}", "data is missing"),
                Arguments.of("an envelope with undeclared data", "ApiResponse",
                        "{\"status\": \"SUCCESS\", \"data\": {\"appId\": \"A-1\"}, \"message\": \"success\"}",
                        "declares none"),
                Arguments.of("an envelope with a bad status", "ApiResponse",
                        "{\"status\": \"FINE\", \"message\": \"success\"}", "'FINE' is not one of"),
                Arguments.of("a wrong field inside the data", "ApiResponse<OperationAccepted>",
                        "{\"status\": \"SUCCESS\", \"data\": {\"applicationId\": \"A-1\"}, \"message\": \"success\"}",
                        "data: has an unknown field 'applicationId'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenExamples")
    void theCheckRejects(String name, String kind, String json, String expected) {
        var problems = EXAMPLES.problems(new GuideExamples.Example("test.md", 1, kind, json));

        assertThat(problems).anySatisfy(p -> assertThat(p).contains(expected));
    }

    @Test
    void theCheckAcceptsEveryShapeOfKind() {
        var ok = List.of(
                new GuideExamples.Example("t.md", 1, "PlacementPolicy", "{\"type\": \"ANY\"}"),
                new GuideExamples.Example("t.md", 1, "PlacementPolicy[]", "[{\"type\": \"ANY\"}]"),
                new GuideExamples.Example("t.md", 1, "PlacementPolicy{}", "{\"a\": {\"type\": \"ANY\"}}"),
                new GuideExamples.Example("t.md", 1, "ApiResponse", "{\"status\": \"SUCCESS\", \"message\": \"x\"}"),
                new GuideExamples.Example("t.md", 1, "ApiResponse<String>",
                        "{\"status\": \"SUCCESS\", \"data\": \"pong\", \"message\": \"success\"}"),
                new GuideExamples.Example("t.md", 1, "skip: shows a mistake on purpose", "{not json"));

        assertThat(ok).allSatisfy(e -> assertThat(EXAMPLES.problems(e)).as(e.toString()).isEmpty());
    }

    @Test
    void aBlockIsFoundWithTheDeclarationAboveItEvenAcrossBlankLinesButNotAcrossText() {
        var lines = List.of(
                "<!-- drove-json: PlacementPolicy -->", "", "```json", "{\"type\": \"ANY\"}", "```",
                "<!-- drove-json: PlacementPolicy -->", "Some words.", "```js", "{}", "```",
                "```shell", "curl -d '{}' localhost", "```",
                "```yaml", "a: b", "```");

        var examples = GuideExamples.examplesOf("page.md", lines);

        assertThat(examples).extracting(GuideExamples.Example::toString)
                .containsExactly("page.md:3 PlacementPolicy", "page.md:8 (undeclared)");
        assertThat(examples.get(0).json()).isEqualTo("{\"type\": \"ANY\"}");
    }

    /** "ApplicationOperation CREATE", …: every operation name of the three families except internal ones. */
    private static Set<String> operationsUsersSubmit() {
        var names = new TreeSet<String>();
        for (var family : List.of(ApplicationOperation.class, TaskOperation.class, LocalServiceOperation.class)) {
            for (var subtype : family.getAnnotation(JsonSubTypes.class).value()) {
                names.add(family.getSimpleName() + " " + subtype.name());
            }
        }
        names.removeAll(INTERNAL_OPERATIONS);
        return names;
    }

    private static JsonNode json(GuideExamples.Example example) {
        try {
            return Json.mapper().readTree(example.json());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
