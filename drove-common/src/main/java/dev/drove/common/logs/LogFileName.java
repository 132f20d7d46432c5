package dev.drove.common.logs;

/**
 * The rule for the {@code {file}} of the log file API: one plain file name inside an instance's log folder, and one
 * of that instance's output files ({@code output.log} or an archive {@code output.log-…}; contract §3 "Files/logs").
 * Nothing else can name a file, so no request reaches outside {@code {logPath}/{first}/{second}/}: no separators
 * ({@code /} or {@code \}), no {@code .} or {@code ..}, no NUL or other control characters, nothing absolute.
 */
public final class LogFileName {
    /** Every file the API serves starts with this; the appender writes no others into an instance's folder. */
    public static final String OUTPUT_PREFIX = "output.";
    private static final int MAX_LENGTH = 255;

    private LogFileName() {
    }

    /**
     * Returns {@code name} when it is an instance's output file name.
     *
     * @throws IllegalArgumentException with a sentence for the caller saying what is wrong with the name
     */
    public static String check(String name) {
        var problem = problemWith(name);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return name;
    }

    /** Whether {@code name} passes {@link #check}. */
    public static boolean isValid(String name) {
        return problemWith(name) == null;
    }

    private static String problemWith(String name) {
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
            if (c == '\0' || Character.isISOControl(c)) {
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

    /** The name with control characters shown as {@code \\uXXXX}, so an error message stays one readable line. */
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
