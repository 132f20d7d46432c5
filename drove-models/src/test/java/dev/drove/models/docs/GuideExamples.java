package dev.drove.models.docs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.drove.models.api.ApiResponse;
import dev.drove.models.json.Json;
import dev.drove.models.validation.ContractReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The JSON examples of our own user guide ({@code docs/*.md} and {@code README.md}), each with the kind it declares.
 *
 * <p>Every fenced {@code json} (or {@code js}, {@code jsonc}, {@code javascript}) block must be preceded, on the
 * line before its opening fence (blank lines allowed), by a declaration:
 * <pre>
 * &lt;!-- drove-json: ApplicationSpec --&gt;          one document of a contract type
 * &lt;!-- drove-json: ConfigSpec[] --&gt;             a list of them
 * &lt;!-- drove-json: AppSummary{} --&gt;             an object whose every value is one (appId → summary)
 * &lt;!-- drove-json: ApiResponse&lt;AppSummary&gt; --&gt; the API envelope around one ({@code []} and {@code {}} too)
 * &lt;!-- drove-json: ApiResponse --&gt;              an envelope without data
 * &lt;!-- drove-json: skip: why it is not checked --&gt;
 * </pre>
 * A type is named by its simple class name and must be one of {@code knownTypes}. A declared example is read
 * through {@link ContractReader} and must give neither errors nor warnings (an unknown field is a mistake in our
 * own docs).
 */
final class GuideExamples {
    private static final Pattern FENCE = Pattern.compile("^\\s*```\\s*([\\w-]*).*$");
    private static final Pattern DECLARATION = Pattern.compile("^\\s*<!--\\s*drove-json:\\s*(.*?)\\s*-->\\s*$");
    private static final Pattern KIND = Pattern.compile(
            "^(?:ApiResponse(?:<(?<inner>\\w+)(?<innerShape>\\[]|\\{})?>)?|(?<type>\\w+)(?<shape>\\[]|\\{})?)$");
    private static final List<String> JSON_LANGUAGES = List.of("json", "js", "jsonc", "javascript");
    private static final String SKIP = "skip:";

    /** One fenced JSON block: where it is, what it declares itself to be (null: nothing) and its text. */
    record Example(String file, int line, String kind, String json) {
        boolean isSkipped() {
            return kind != null && kind.startsWith(SKIP);
        }

        @Override
        public String toString() {
            return file + ":" + line + " " + (kind == null ? "(undeclared)" : kind);
        }
    }

    private final Map<String, Class<?>> knownTypes;
    private final ContractReader reader;

    GuideExamples(List<Class<?>> knownTypes, ContractReader reader) {
        this.knownTypes = knownTypes.stream().collect(Collectors.toMap(Class::getSimpleName, Function.identity()));
        this.reader = reader;
    }

    /** The repository's root: the nearest folder upwards that holds both {@code docs/} and {@code drove-models/}. */
    static Path repositoryRoot() {
        for (var dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("docs")) && Files.isDirectory(dir.resolve("drove-models"))) {
                return dir;
            }
        }
        throw new IllegalStateException("No docs/ folder beside drove-models/ above " + Path.of("").toAbsolutePath());
    }

    /** The guide's pages: {@code README.md} and every {@code docs/*.md}, sorted by path. */
    static List<Path> pages(Path root) {
        try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
            var pages = new ArrayList<Path>();
            pages.add(root.resolve("README.md"));
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
            return pages;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Example> examplesIn(Path root) {
        var examples = new ArrayList<Example>();
        for (var page : pages(root)) {
            try {
                examples.addAll(examplesOf(root.relativize(page).toString(), Files.readAllLines(page)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return examples;
    }

    /** The JSON blocks of one page's lines, numbered by the line of their opening fence (from 1). */
    static List<Example> examplesOf(String file, List<String> lines) {
        var examples = new ArrayList<Example>();
        for (int i = 0; i < lines.size(); i++) {
            var fence = FENCE.matcher(lines.get(i));
            if (!fence.matches()) {
                continue;
            }
            int end = i + 1;
            while (end < lines.size() && !lines.get(end).strip().startsWith("```")) {
                end++;
            }
            if (JSON_LANGUAGES.contains(fence.group(1).toLowerCase())) {
                var text = String.join("\n", lines.subList(i + 1, Math.min(end, lines.size())));
                examples.add(new Example(file, i + 1, declarationBefore(lines, i), text));
            }
            i = end;
        }
        return examples;
    }

    private static String declarationBefore(List<String> lines, int fence) {
        for (int i = fence - 1; i >= 0; i--) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            var declaration = DECLARATION.matcher(lines.get(i));
            return declaration.matches() ? declaration.group(1) : null;
        }
        return null;
    }

    /** Everything wrong with one declared example; empty when it reads cleanly as its kind. */
    List<String> problems(Example example) {
        if (example.kind() == null) {
            return List.of("declares no kind: put <!-- drove-json: <kind> --> on the line before the fence");
        }
        if (example.isSkipped()) {
            return example.kind().substring(SKIP.length()).isBlank()
                    ? List.of("is skipped without a reason: write <!-- drove-json: skip: <why> -->") : List.of();
        }
        var kind = KIND.matcher(example.kind());
        if (!kind.matches()) {
            return List.of("declares '" + example.kind() + "', which is not a kind: use Type, Type[], Type{}, "
                    + "ApiResponse or ApiResponse<Type>");
        }
        JsonNode json;
        try {
            json = Json.mapper().readTree(example.json());
        } catch (JsonProcessingException e) {
            return List.of("is not valid JSON: " + e.getOriginalMessage());
        }
        if (kind.group("type") != null) {
            return shaped("", json, kind.group("type"), kind.group("shape"));
        }
        var problems = new ArrayList<>(read("", json, ApiResponse.class));
        var data = json.path("data");
        if (kind.group("inner") == null) {
            if (!data.isMissingNode() && !data.isNull()) {
                problems.add("data is given, but the kind ApiResponse declares none: name its type");
            }
        } else if (data.isMissingNode() || data.isNull()) {
            problems.add("data is missing, but the kind declares " + kind.group("inner"));
        } else {
            problems.addAll(shaped("data", data, kind.group("inner"), kind.group("innerShape")));
        }
        return problems;
    }

    private List<String> shaped(String path, JsonNode json, String typeName, String shape) {
        var type = Optional.ofNullable(knownTypes.get(typeName));
        if (type.isEmpty()) {
            return List.of("declares the unknown type '" + typeName + "'; known types: "
                    + knownTypes.keySet().stream().sorted().toList());
        }
        if (shape == null) {
            return read(path, json, type.get());
        }
        var problems = new ArrayList<String>();
        if (shape.equals("[]")) {
            if (!json.isArray()) {
                return List.of(prefix(path) + "is not a list, but the kind declares " + typeName + "[]");
            }
            for (int i = 0; i < json.size(); i++) {
                problems.addAll(read(path + "[" + i + "]", json.get(i), type.get()));
            }
        } else {
            if (!json.isObject()) {
                return List.of(prefix(path) + "is not an object, but the kind declares " + typeName + "{}");
            }
            json.properties().forEach(e -> problems.addAll(read(join(path, e.getKey()), e.getValue(), type.get())));
        }
        return problems;
    }

    private List<String> read(String path, JsonNode json, Class<?> type) {
        var report = reader.read(json, type).report();
        return Stream.concat(report.errors().stream(), report.warnings().stream())
                .map(problem -> prefix(path) + problem)
                .toList();
    }

    private static String prefix(String path) {
        return path.isEmpty() ? "" : path + ": ";
    }

    private static String join(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }
}
