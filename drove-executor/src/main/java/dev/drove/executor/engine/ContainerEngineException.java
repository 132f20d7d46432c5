package dev.drove.executor.engine;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A container engine request failed. The message says what was attempted, on which container or image, and the
 * engine's reason, so it can go straight into an instance's error message.
 */
public final class ContainerEngineException extends RuntimeException {
    private static final Pattern ENGINE_MESSAGE = Pattern.compile("\"message\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    public ContainerEngineException(String message) {
        super(message);
    }

    public ContainerEngineException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * The engine's own words for a failure: the {@code message} of its JSON error body when there is one (docker-java
     * reports {@code Status 409: {"message":"…"}}), otherwise the exception's message or class name.
     */
    static String reasonOf(Throwable failure) {
        String text = failure.getMessage();
        if (text == null || text.isBlank()) {
            return failure.getClass().getSimpleName();
        }
        Matcher json = ENGINE_MESSAGE.matcher(text);
        if (json.find()) {
            return json.group(1).replace("\\\"", "\"").replace("\\\\", "\\");
        }
        return text.strip();
    }
}
