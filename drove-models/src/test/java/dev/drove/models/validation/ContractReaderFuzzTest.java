package dev.drove.models.validation;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drove.models.application.ApplicationSpec;
import dev.drove.models.application.TestSpecs;
import dev.drove.models.docs.DocSamples;
import dev.drove.models.json.Json;
import dev.drove.models.localservice.LocalServiceSpec;
import dev.drove.models.operation.ApplicationOperation;
import dev.drove.models.task.TaskSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Fuzzes the spec parser: the valid specs and operations of the docs (and of {@link TestSpecs}), changed at random by
 * {@link JsonMutations} (fields dropped, duplicated, retyped, renamed, nested; random strings, numbers and names;
 * text truncated, cut, spliced or wrapped in deep nesting), must each be read by {@link ContractReader} into either a
 * valid object or a list of errors, every one a sentence naming its field or reason. Reading never throws, never
 * takes longer than {@value #SECONDS_PER_DOCUMENT} seconds, and a valid object can be written back.
 *
 * <p>Each kind of document gets {@code drove.fuzz.tries} variants (2,000 in the build, so the class takes seconds)
 * from a seeded random source; a failure names the seed and the variant. A longer run, or a replay:
 * {@code mvn -pl drove-models test -Dtest=ContractReaderFuzzTest -Ddrove.fuzz.tries=100000 -Ddrove.fuzz.seed=42}.
 */
class ContractReaderFuzzTest {
    static final int SECONDS_PER_DOCUMENT = 5;
    private static final ObjectMapper COMMENTED = Json.mapper().copy().enable(JsonParser.Feature.ALLOW_COMMENTS);
    private static final ContractReader READER = ContractReader.standard();
    private static final ExecutorService WORKER = Executors.newSingleThreadExecutor(runnable -> {
        var thread = new Thread(runnable, "fuzz-reader");
        thread.setDaemon(true);
        return thread;
    });

    private static final int TRIES = Integer.getInteger("drove.fuzz.tries", 2_000);
    private static final long SEED = Long.getLong("drove.fuzz.seed", System.nanoTime());

    @AfterAll
    static void stopWorker() {
        WORKER.shutdownNow();
    }

    static Stream<Arguments> kinds() {
        return Stream.of(
                Arguments.of(ApplicationSpec.class,
                        (Supplier<Map<String, JsonNode>>) ContractReaderFuzzTest::applicationSpecSeeds),
                Arguments.of(TaskSpec.class,
                        (Supplier<Map<String, JsonNode>>) ContractReaderFuzzTest::taskSpecSeeds),
                Arguments.of(LocalServiceSpec.class,
                        (Supplier<Map<String, JsonNode>>) ContractReaderFuzzTest::localServiceSpecSeeds),
                Arguments.of(ApplicationOperation.class,
                        (Supplier<Map<String, JsonNode>>) ContractReaderFuzzTest::applicationOperationSeeds));
    }

    @ParameterizedTest(name = "a mutated {0} is read or refused with reasons")
    @MethodSource("kinds")
    void aMutatedDocumentIsReadOrRefusedWithReasons(Class<?> type, Supplier<Map<String, JsonNode>> seeds) {
        var documents = seeds.get();
        var random = new Random(SEED + type.getName().hashCode());
        for (int i = 0; i < TRIES; i++) {
            var variant = JsonMutations.variant(random, documents);
            try {
                check(variant, type);
            } catch (AssertionError e) {
                throw new AssertionError("Try " + i + " of -Ddrove.fuzz.seed=" + SEED + " (" + variant + "): "
                        + e.getMessage(), e);
            }
        }
    }

    @Test
    void everySeedIsAValidDocumentWithoutWarnings() {
        var seeds = Map.of(ApplicationSpec.class, applicationSpecSeeds(), TaskSpec.class, taskSpecSeeds(),
                LocalServiceSpec.class, localServiceSpecSeeds(),
                ApplicationOperation.class, applicationOperationSeeds());
        seeds.forEach((type, documents) -> documents.forEach((name, json) -> {
            var reading = READER.read(json, type);
            assertThat(reading.report().errors()).as("errors of %s", name).isEmpty();
            assertThat(reading.report().warnings()).as("warnings of %s", name).isEmpty();
        }));
    }

    static Map<String, JsonNode> applicationSpecSeeds() {
        return Map.of("applications/specification.md#1", sample("applications/specification.md#1"),
                "TestSpecs.application", Json.mapper().valueToTree(TestSpecs.application()));
    }

    static Map<String, JsonNode> taskSpecSeeds() {
        return Map.of("tasks/specification.md#1", taskSample(),
                "TestSpecs.task", Json.mapper().valueToTree(TestSpecs.task()));
    }

    /** The docs print no local service spec: the docs' application spec made one, and ours. */
    static Map<String, JsonNode> localServiceSpecSeeds() {
        var fromDocs = (ObjectNode) sample("applications/specification.md#1");
        fromDocs.put("type", "LOCAL_SERVICE");
        fromDocs.remove("exposureSpec");
        fromDocs.set("placementPolicy", Json.mapper().createObjectNode().put("type", "LOCAL"));
        return Map.of("applications/specification.md#1 as a local service", fromDocs,
                "TestSpecs.localService", Json.mapper().valueToTree(TestSpecs.localService()));
    }

    /** Every operation sample of the docs; the CREATE sample's {...} placeholder holds the docs' spec. */
    static Map<String, JsonNode> applicationOperationSeeds() {
        var seeds = new LinkedHashMap<String, JsonNode>();
        for (var name : List.of("applications/operations.md#1", "applications/operations.md#4",
                "applications/operations.md#6", "applications/operations.md#8", "applications/operations.md#10",
                "applications/operations.md#12", "applications/operations.md#14", "apis/application.md#1")) {
            seeds.put(name, sample(name));
        }
        seeds.put("applications/operations.md#2", read(DocSamples.named("applications/operations.md#2").json()
                .replace("{...}", DocSamples.named("applications/specification.md#1").json())));
        return seeds;
    }

    private static <T> void check(JsonMutations.Variant variant, Class<T> type) {
        var json = JsonMutations.apply(variant);
        var reading = readWithin(json, type);
        var report = reading.report();
        assertThat(report.warnings()).as("warnings for %s", json).allSatisfy(ContractReaderFuzzTest::isASentence);
        if (reading.isValid()) {
            try {
                Json.mapper().writeValueAsString(reading.value().orElseThrow());
            } catch (JsonProcessingException e) {
                fail("A valid " + type.getSimpleName() + " could not be written back: " + json, e);
            }
            return;
        }
        assertThat(report.errors()).as("errors for %s", json).isNotEmpty()
                .allSatisfy(ContractReaderFuzzTest::isASentence);
    }

    private static <T> ContractReader.Reading<T> readWithin(String json, Class<T> type) {
        var reading = WORKER.submit(() -> READER.read(json, type));
        try {
            return reading.get(SECONDS_PER_DOCUMENT, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            reading.cancel(true);
            throw new AssertionError("Reading took longer than " + SECONDS_PER_DOCUMENT + " s: " + json, e);
        } catch (ExecutionException e) {
            throw new AssertionError("Reading threw instead of reporting: " + json, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** A message a user can act on: not blank, and no Java class names from inside the parser. */
    private static void isASentence(String message) {
        assertThat(message).isNotBlank().doesNotContain("dev.drove.", "com.fasterxml", "java.lang.");
    }

    private static JsonNode sample(String name) {
        return read(DocSamples.named(name).json());
    }

    /** The docs' task spec lacks a comma after "args": [] (an erratum SpecSamplesTest keeps track of). */
    private static JsonNode taskSample() {
        return read(DocSamples.named("tasks/specification.md#1").json()
                .replaceFirst("\"args\" : \\[]", "\"args\" : [],"));
    }

    private static JsonNode read(String json) {
        try {
            return COMMENTED.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A seed is not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
