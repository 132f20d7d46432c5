package dev.drove.controller.logs;

import dev.drove.common.errors.ApiException;
import jakarta.ws.rs.core.Response;

/**
 * The controller's check of {@code {fileName}} before anything is sent to an executor (the executor checks again
 * with the same rule): one plain file name of an instance's output ({@code output.log}, {@code output.log-…}), with
 * no separators ({@code /} or {@code \}), no {@code .} or {@code ..}, no NUL or control characters, nothing absolute
 * (contract §3 "Files/logs"). A name breaking it is answered 400 with the reason.
 */
final class LogFileName {
    static final String OUTPUT_PREFIX = "output.";
    private static final int MAX_LENGTH = 255;

    private LogFileName() {
    }

    /** Returns {@code name} when it is an instance's output file name; otherwise a 400 saying why. */
    static String check(String name) {
        var problem = problemWith(name);
        if (problem != null) {
            throw new ApiException(Response.Status.BAD_REQUEST, problem);
        }
        return name;
    }

    /** Why {@code name} cannot be read, or null when it can. */
    static String problemWith(String name) {
        if (name == null || name.isEmpty()) {
            return "A log file name is required";
        }
        if (name.length() > MAX_LENGTH) {
            return "A log file name has at most " + MAX_LENGTH + " characters";
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '/' || c == '\\') {
                return "A log file name must be a plain file name without '/' or '\\': " + printable(name);
            }
            if (Character.isISOControl(c)) {
                return "A log file name must not contain NUL or control characters: " + printable(name);
            }
        }
        if (name.equals(".") || name.equals("..")) {
            return "A log file name must not be '.' or '..'";
        }
        if (!name.startsWith(OUTPUT_PREFIX)) {
            return "Only an instance's output files (" + OUTPUT_PREFIX + "*) can be read, not " + printable(name);
        }
        return null;
    }

    private static String printable(String name) {
        var text = new StringBuilder();
        name.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                text.append(String.format("\\u%04x", c));
            } else {
                text.appendCodePoint(c);
            }
        });
        return text.toString();
    }
}
