package dev.drove.executor.logs;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which instance a log line belongs to: the MDC value {@value #MDC_KEY} = {@code "{first}:{second}"}, which the
 * {@code drove} appender turns into the folder {@code {logPath}/{first}/{second}/} (docs: executor-setup.md, "Drove
 * Application Logger Configuration"; drove-contract.md §3):
 * <ul>
 *     <li>application instance: {@code {appId}:{instanceId}}</li>
 *     <li>task instance: {@code {sourceAppName}:{taskId}}</li>
 *     <li>local service instance: {@code {serviceId}:{instanceId}}</li>
 * </ul>
 * Each part must be a single safe path segment (letters, digits, {@code - _ .}, not {@code .} or {@code ..}), so a
 * value can never point outside {@code logPath}.
 */
public record InstanceLogId(String first, String second) {
    /** The MDC key the executor sets while logging an instance's output. */
    public static final String MDC_KEY = "instanceLogId";

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_.\\-]+");

    public InstanceLogId {
        requireSegment(first, "first");
        requireSegment(second, "second");
    }

    /** The id of an MDC value, or empty if the value is absent or not a safe {@code first:second}. */
    public static Optional<InstanceLogId> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        int colon = value.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        String first = value.substring(0, colon);
        String second = value.substring(colon + 1);
        return isSegment(first) && isSegment(second)
                ? Optional.of(new InstanceLogId(first, second)) : Optional.empty();
    }

    /** The MDC value, {@code first:second}. */
    @Override
    public String toString() {
        return first + ":" + second;
    }

    private static void requireSegment(String part, String which) {
        if (!isSegment(part)) {
            throw new IllegalArgumentException("The " + which + " part of an instance log id must be a plain name "
                    + "(letters, digits, '-', '_', '.'), not " + part);
        }
    }

    private static boolean isSegment(String part) {
        return part != null && SEGMENT.matcher(part).matches() && !part.equals(".") && !part.equals("..");
    }
}
