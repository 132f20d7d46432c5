package dev.drove.models.api;

import java.util.List;

/**
 * The log files of one instance or task ({@code output.log} and its dated archives), as
 * {@code GET /apis/v1/logfiles/.../list} returns them without an envelope (docs: apis/logs.md).
 */
public record LogFileList(List<String> files) {
    public LogFileList {
        files = files == null ? List.of() : List.copyOf(files);
    }
}
