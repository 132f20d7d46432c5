package dev.drove.models.api;

/**
 * A piece of a log file, {@code GET /apis/v1/logfiles/.../read/{file}?offset&length} (docs: apis/logs.md), without an
 * envelope. {@code data} is empty on the first call of a tail (offset -1); {@code offset} is where the next call
 * continues.
 */
public record LogFileChunk(String data, long offset) {
}
