package dev.drove.models.docs;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drove.models.application.ApplicationSpec;
import dev.drove.models.application.PreShutdownSpec;
import dev.drove.models.application.exposure.ExposureSpec;
import dev.drove.models.application.placement.PlacementPolicy;
import dev.drove.models.application.requirements.ResourceRequirement;
import dev.drove.models.config.ConfigSpec;
import dev.drove.models.json.Json;
import dev.drove.models.operation.ApplicationOperation;
import dev.drove.models.operation.TaskOperation;
import dev.drove.models.task.TaskSpec;
import dev.drove.models.taskinstance.TaskInfo;
import dev.drove.models.validation.ContractReader;
import io.dropwizard.util.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every spec and operation printed in the reference docs is read as our type, validates without errors and is
 * written back unchanged (durations compared by value, fields that got a default may appear), except for the errata
 * listed in {@link #ERRATA}, which are asserted to still be in the docs.
 */
class SpecSamplesTest {
    /**
     * Sample name to its type; for {@link #ENVELOPES}, the type of the envelope's {@code data}. The operation samples
     * with {@code "parallelism": 32} are not errata: the range is 1..512 (the docs' table says 1-32).
     */
    static final Map<String, Class<?>> CLAIMS = Map.ofEntries(
            entry("applications/specification.md#1", ApplicationSpec.class),
            entry("applications/specification.md#2", ExposureSpec.class),
            entry("applications/specification.md#3", PreShutdownSpec.class),
            entry("snippets/common_configs.md#1", ResourceRequirement[].class),
            entry("snippets/common_configs.md#2", ConfigSpec.class),
            entry("snippets/common_configs.md#3", ConfigSpec.class),
            entry("snippets/common_configs.md#4", ConfigSpec.class),
            entry("snippets/common_configs.md#5", ConfigSpec.class),
            entry("snippets/common_configs.md#6", PlacementPolicy.class),
            entry("snippets/common_configs.md#7", PlacementPolicy.class),
            entry("snippets/common_configs.md#8", PlacementPolicy.class),
            entry("snippets/common_configs.md#9", PlacementPolicy.class),
            entry("snippets/common_configs.md#10", PlacementPolicy.class),
            entry("snippets/common_configs.md#11", PlacementPolicy.class),
            entry("snippets/common_configs.md#12", EnvironmentVariables.class),
            entry("tasks/specification.md#1", TaskSpec.class),
            entry("applications/operations.md#1", ApplicationOperation.class),
            entry("applications/operations.md#2", ApplicationOperation.class),
            entry("applications/operations.md#4", ApplicationOperation.class),
            entry("applications/operations.md#6", ApplicationOperation.class),
            entry("applications/operations.md#8", ApplicationOperation.class),
            entry("applications/operations.md#10", ApplicationOperation.class),
            entry("applications/operations.md#12", ApplicationOperation.class),
            entry("applications/operations.md#14", ApplicationOperation.class),
            entry("tasks/operations.md#1", TaskOperation.class),
            entry("tasks/operations.md#2", TaskOperation.class),
            entry("tasks/operations.md#4", TaskOperation.class),
            entry("apis/application.md#1", ApplicationOperation.class),
            entry("apis/application.md#6", ApplicationSpec.class),
            entry("apis/task.md#1", TaskOperation.class),
            entry("apis/task.md#3", TaskInfo[].class),
            entry("apis/task.md#4", TaskInfo.class));

    /** Samples that are API answers: the claimed type is that of their {@code data}. */
    static final Set<String> ENVELOPES = Set.of("apis/application.md#6", "apis/task.md#3", "apis/task.md#4");

    /** The env sample is a plain map of names to values; a string-valued map type reads it strictly. */
    static final class EnvironmentVariables extends TreeMap<String, String> {
    }

    /**
     * A known mistake in a docs sample.
     *
     * @param evidence   a pattern that matches the sample's raw text while the mistake is there
     * @param correction turns the sample's JSON into what the docs meant
     * @param asPrinted  what reading the sample as printed reports (an error, or a warning when it still reads)
     */
    record Erratum(String sample, String reason, Pattern evidence, UnaryOperator<String> correction,
                   String asPrinted) {
        @Override
        public String toString() {
            return sample + ": " + reason;
        }
    }

    static final List<Erratum> ERRATA = List.of(
            new Erratum("applications/specification.md#2",
                    "the exposure sample names the port with \"port\"; the field is portName (\"port\" is an alias)",
                    Pattern.compile("\"port\": \"main\""),
                    json -> json.replace("\"port\":", "\"portName\":"),
                    null),
            new Erratum("snippets/common_configs.md#3",
                    "the EXECUTOR_LOCAL_FILE sample puts the host path in \"data\" instead of \"filePathOnHost\"",
                    Pattern.compile("\"data\" : \"/mnt/configs/myservice/config.yml\""),
                    json -> json.replace("\"data\" :", "\"filePathOnHost\" :"),
                    "filePathOnHost must not be empty"),
            new Erratum("snippets/common_configs.md#11",
                    "the COMPOSITE sample spells MATCH_TAG as MATH_TAG",
                    Pattern.compile("\"type\": \"MATH_TAG\""),
                    json -> json.replace("MATH_TAG", "MATCH_TAG"),
                    "policies[1].type 'MATH_TAG' is not known; it must be one of [ANY, ONE_PER_HOST, MAX_N_PER_HOST, "
                            + "MATCH_TAG, NO_TAG, RULE_BASED, COMPOSITE, LOCAL]"),
            new Erratum("tasks/specification.md#1",
                    "the task sample lacks the comma after \"args\": []",
                    Pattern.compile("\"args\" : \\[] //\\(27\\)!\\s+\"tags\""),
                    json -> json.replaceFirst("\"args\" : \\[]", "\"args\" : [],"),
                    "body is not valid JSON (line 40, column 5): Unexpected character ('\"' (code 34)): was "
                            + "expecting comma to separate Object entries"),
            new Erratum("applications/operations.md#2",
                    "the CREATE sample shows the spec as a {...} placeholder; tested with the docs' sample spec",
                    Pattern.compile("\"spec\": \\{\\.\\.\\.}"),
                    json -> json.replace("{...}", DocSamples.named("applications/specification.md#1").json()),
                    "body is not valid JSON (line 3, column 18): Unexpected character ('.' (code 46)): was "
                            + "expecting double-quote to start field name"),
            new Erratum("tasks/operations.md#2",
                    "the CREATE sample shows the spec as a {...} placeholder; tested with the docs' (corrected) "
                            + "sample task spec",
                    Pattern.compile("\"spec\": \\{\\.\\.\\.}"),
                    json -> json.replace("{...}", correctedJson("tasks/specification.md#1")),
                    "body is not valid JSON (line 3, column 18): Unexpected character ('.' (code 46)): was "
                            + "expecting double-quote to start field name"));

    private static final ObjectMapper MAPPER = Json.mapper().copy().enable(JsonParser.Feature.ALLOW_COMMENTS);
    private static final ContractReader READER = new ContractReader(MAPPER, ContractReader.defaultValidator());

    static Stream<String> claimed() {
        return CLAIMS.keySet().stream().sorted();
    }

    static Stream<Erratum> errata() {
        return ERRATA.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("claimed")
    void everyClaimedSampleReadsValidatesAndWritesBackUnchanged(String name) throws Exception {
        var input = MAPPER.readTree(correctedJson(name));
        if (ENVELOPES.contains(name)) {
            assertThat(input.path("status").asText()).as("envelope status").isEqualTo("SUCCESS");
            input = input.get("data");
        }
        var type = CLAIMS.get(name);
        var reading = READER.read(input, type);

        assertThat(reading.report().errors()).as("errors").isEmpty();
        assertThat(reading.report().warnings()).as("warnings").isEmpty();
        var value = reading.value().orElseThrow();
        if (type.isArray()) {
            for (var element : (Object[]) value) {
                assertThat(READER.validate(element)).as("errors of %s", element).isEmpty();
            }
        }
        var written = MAPPER.readTree(MAPPER.writeValueAsString(value));
        assertThat(differences("", input, written)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errata")
    void everyErratumIsStillInTheDocsAndReadsAsExpected(Erratum erratum) {
        var sample = DocSamples.named(erratum.sample());
        assertThat(erratum.evidence().matcher(sample.text()).find())
                .as("the erratum is still in the docs (if the docs were fixed, drop it from ERRATA)")
                .isTrue();

        var asPrinted = READER.read(sample.json(), CLAIMS.get(erratum.sample()));
        if (erratum.asPrinted() == null) {
            assertThat(asPrinted.isValid()).as("reads despite the erratum").isTrue();
        } else {
            assertThat(asPrinted.report().errors()).contains(erratum.asPrinted());
        }
    }

    @Test
    void everyClaimedSampleExistsAndEverySpecOrOperationSampleIsClaimed() {
        var names = DocSamples.all().stream().map(DocSamples.Sample::name).toList();
        assertThat(names).containsAll(CLAIMS.keySet());
        var specPages = Pattern.compile("^(applications/specification|snippets/common_configs|tasks/specification)"
                + "\\.md#\\d+$");
        assertThat(names.stream().filter(n -> specPages.matcher(n).matches()))
                .allMatch(CLAIMS::containsKey);
        assertThat(ERRATA).allMatch(e -> CLAIMS.containsKey(e.sample()));
    }

    @Test
    void theExecutorLocalFileSampleWarnsAboutItsDataFieldAsPrinted() {
        var asPrinted = READER.read(DocSamples.named("snippets/common_configs.md#3").json(), ConfigSpec.class);

        assertThat(asPrinted.report().warnings()).containsExactly("has an unknown field 'data'; it is ignored");
    }

    @Test
    void durationsCompareByValueSoTheDocsShortFormsMatchOurLongOnes() {
        assertThat(differences("", MAPPER.valueToTree(Map.of("t", "5m")), MAPPER.valueToTree(Map.of("t",
                "5 minutes")))).isEmpty();
        assertThat(differences("", MAPPER.valueToTree(Map.of("t", "5m")), MAPPER.valueToTree(Map.of("t",
                "5 seconds")))).containsExactly("t: \"5m\" became \"5 seconds\"");
    }

    /** The sample's JSON with its erratum (if any) corrected. */
    static String correctedJson(String name) {
        var json = DocSamples.named(name).json();
        return ERRATA.stream()
                .filter(e -> e.sample().equals(name))
                .findFirst()
                .map(e -> e.correction().apply(json))
                .orElse(json);
    }

    /**
     * What we write differently from the docs: every docs field must come back equal. Numbers compare by value,
     * strings that are both durations compare by length, and fields the docs leave out may appear (defaults).
     */
    static List<String> differences(String path, JsonNode docs, JsonNode ours) {
        var out = new ArrayList<String>();
        if (docs.isObject() && ours.isObject()) {
            docs.properties().forEach(field -> {
                var child = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                var mine = ours.get(field.getKey());
                if (mine == null) {
                    out.add(child + ": missing");
                } else {
                    out.addAll(differences(child, field.getValue(), mine));
                }
            });
        } else if (docs.isArray() && ours.isArray() && docs.size() == ours.size()) {
            for (int i = 0; i < docs.size(); i++) {
                out.addAll(differences(path + "[" + i + "]", docs.get(i), ours.get(i)));
            }
        } else if (docs.isNumber() && ours.isNumber()) {
            if (docs.decimalValue().compareTo(ours.decimalValue()) != 0) {
                out.add(path + ": " + docs + " became " + ours);
            }
        } else if (!docs.equals(ours) && !sameDuration(docs, ours)) {
            out.add(path + ": " + docs + " became " + ours);
        }
        return out;
    }

    private static boolean sameDuration(JsonNode docs, JsonNode ours) {
        if (!docs.isTextual() || !ours.isTextual()) {
            return false;
        }
        try {
            return Duration.parse(docs.asText()).toNanoseconds() == Duration.parse(ours.asText()).toNanoseconds();
        } catch (IllegalArgumentException notADuration) {
            return false;
        }
    }
}
