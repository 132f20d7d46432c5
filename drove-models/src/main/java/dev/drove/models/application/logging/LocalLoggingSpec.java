package dev.drove.models.application.logging;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

/**
 * Docker's {@code json-file} driver with rotation.
 *
 * @param maxSize  size at which a file is rotated, a number with unit k, m or g ("10m" when absent)
 * @param maxFiles rotated files kept, 1..100 (3 when absent)
 * @param compress whether rotated files are compressed (true when absent)
 */
public record LocalLoggingSpec(
        @Pattern(regexp = "[0-9]+[kmg]", message = "must be a size such as 10m: digits then k, m or g") String maxSize,
        @Min(1) @Max(100) Integer maxFiles,
        Boolean compress) implements LoggingSpec {

    public static final LocalLoggingSpec DEFAULT = new LocalLoggingSpec(null, null, null);

    public LocalLoggingSpec {
        maxSize = maxSize == null ? "10m" : maxSize;
        maxFiles = maxFiles == null ? 3 : maxFiles;
        compress = compress == null || compress;
    }
}
