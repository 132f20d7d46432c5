package dev.drove.models.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Every JSON sample in the reference documentation of the original Drove (../shared/reference/drove-docs):
 * fenced {@code js}/{@code json} blocks and the {@code --data '…'} bodies of curl examples.
 *
 * <p>A sample is named {@code <file>#<n>}: the n-th sample (from 1) of that file, counting blocks and curl bodies in
 * the order they appear. Tests claim samples by name and say which contract type each one is.
 */
public final class DocSamples {
    private static final Pattern FENCE = Pattern.compile("^\\s*```\\s*(\\w*)\\s*$");
    private static final Pattern CURL_DATA = Pattern.compile("--data(?:-raw)?\\s+'(.*?)'", Pattern.DOTALL);
    private static final Pattern ANNOTATION = Pattern.compile("//\\s*\\(\\d+\\)!");

    /** One sample: its name, the raw text as the docs print it, and whether it came from a curl command. */
    public record Sample(String name, String text, boolean fromCurl) {
        /** The text without the docs' "//(1)!" annotation markers (JSON comments are allowed by the reader). */
        public String json() {
            return ANNOTATION.matcher(text).replaceAll("");
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private DocSamples() {
    }

    /** The folder of the reference docs; fails loudly when the shared reference is not beside the repository. */
    public static Path root() {
        var configured = System.getProperty("drove.docs.dir");
        var candidates = new ArrayList<Path>();
        if (configured != null) {
            candidates.add(Path.of(configured));
        }
        var here = Path.of("").toAbsolutePath();
        for (var dir = here; dir != null; dir = dir.getParent()) {
            candidates.add(dir.resolve("../shared/reference/drove-docs").normalize());
        }
        return candidates.stream()
                .filter(Files::isDirectory)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "The reference docs were not found at ../shared/reference/drove-docs next to the repository "
                                + "(or -Ddrove.docs.dir); the contract tests need them"));
    }

    public static List<Sample> all() {
        var root = root();
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".md"))
                    .sorted()
                    .flatMap(f -> samplesOf(root, f).stream())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Sample named(String name) {
        return all().stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No doc sample named " + name));
    }

    private static List<Sample> samplesOf(Path root, Path file) {
        var relative = root.relativize(file).toString();
        var lines = read(file);
        var samples = new ArrayList<Sample>();
        String language = null;
        var block = new StringBuilder();
        for (var line : lines) {
            var fence = FENCE.matcher(line);
            if (fence.matches()) {
                if (language == null) {
                    language = fence.group(1);
                    block.setLength(0);
                    continue;
                }
                collect(relative, language, block.toString(), samples);
                language = null;
                continue;
            }
            if (language != null) {
                block.append(line).append('\n');
            }
        }
        return samples;
    }

    private static void collect(String file, String language, String block, List<Sample> samples) {
        switch (language) {
            case "js", "json", "javascript" ->
                    samples.add(new Sample(file + "#" + (samples.size() + 1), block.strip(), false));
            case "shell", "bash", "sh" -> {
                var data = CURL_DATA.matcher(block);
                while (data.find()) {
                    var body = data.group(1).strip();
                    if (body.startsWith("{") || body.startsWith("[")) {
                        samples.add(new Sample(file + "#" + (samples.size() + 1), body, true));
                    }
                }
            }
            default -> {
            }
        }
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
