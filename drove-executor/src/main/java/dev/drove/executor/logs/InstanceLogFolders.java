package dev.drove.executor.logs;

import dev.drove.common.logs.LogFileName;
import dev.drove.models.api.LogFileChunk;
import io.dropwizard.logging.common.DefaultLoggingFactory;
import io.dropwizard.logging.common.LoggingFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The instances' log folders below the {@code drove} appender's {@code logPath}, read for the log file API (docs:
 * apis/logs.md): {@code {logPath}/{first}/{second}/output.log} and its archives. Only regular files named by
 * {@link LogFileName} inside an instance's own folder are ever opened; a symbolic link, a folder or a file whose real
 * path is outside {@code logPath} counts as missing.
 *
 * <p>Reading for a tail: offset {@code -1} answers no data and the file's size, where the next read starts; any other
 * offset answers at most {@code length} bytes from there and the offset after them. A chunk never ends inside a UTF-8
 * character (the rest comes with the next read). An offset past the end means the file was archived and started
 * anew since the last read, so reading starts again at its beginning.
 */
public final class InstanceLogFolders {
    /** {@code length} when a read names none (the original's default). */
    public static final int DEFAULT_READ_LENGTH = 32 * 1024;
    /** The most one read answers, whatever {@code length} asks for, so one call cannot take the executor's memory. */
    public static final int MAX_READ_LENGTH = 1024 * 1024;
    /** {@code offset} that asks for no data, only where the file ends. */
    public static final long FROM_END = -1;

    private final Path root;

    public InstanceLogFolders(Path root) {
        this.root = Objects.requireNonNull(root, "root is required").toAbsolutePath().normalize();
    }

    /**
     * The folders of the first {@code type: drove} appender among {@code logging.appenders}, or empty when there is
     * none (instance output is then not kept in files, and the log API has nothing to serve).
     */
    public static Optional<InstanceLogFolders> configuredIn(LoggingFactory logging) {
        if (!(logging instanceof DefaultLoggingFactory defaults)) {
            return Optional.empty();
        }
        return defaults.getAppenders().stream()
                .filter(DroveAppenderFactory.class::isInstance)
                .map(appender -> ((DroveAppenderFactory) appender).getLogPath())
                .filter(path -> path != null && !path.isBlank())
                .findFirst()
                .map(path -> new InstanceLogFolders(Path.of(path)));
    }

    /** The {@code logPath} these folders are in. */
    public Path root() {
        return root;
    }

    /**
     * The output files of one instance, newest archive first and {@code output.log} last (as the docs' sample); empty
     * when the instance has written nothing here.
     */
    public List<String> list(InstanceLogId id) throws IOException {
        var folder = folderOf(id);
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS))
                    .map(file -> file.getFileName().toString())
                    .filter(LogFileName::isValid)
                    .sorted(Comparator.reverseOrder())
                    .toList();
        }
    }

    /**
     * A chunk of one output file, as described on the class.
     *
     * @throws IllegalArgumentException when the name breaks {@link LogFileName}, {@code offset} is below -1 or
     *                                  {@code length} below 1
     * @throws NoSuchFileException      when the instance has no such file
     */
    public LogFileChunk read(InstanceLogId id, String name, long offset, long length) throws IOException {
        if (offset < FROM_END) {
            throw new IllegalArgumentException("offset must be -1 (the end of the file) or a position from 0, not "
                    + offset);
        }
        if (length < 1) {
            throw new IllegalArgumentException("length must be a positive number of bytes, not " + length);
        }
        try (var channel = FileChannel.open(existingFile(id, name), StandardOpenOption.READ)) {
            long size = channel.size();
            if (offset == FROM_END) {
                return new LogFileChunk("", size);
            }
            long from = offset > size ? 0 : offset;
            var buffer = ByteBuffer.allocate((int) Math.min(Math.min(length, MAX_READ_LENGTH), size - from));
            while (buffer.hasRemaining() && channel.read(buffer, from + buffer.position()) >= 0) {
                // FileChannel may read less than asked; keep going until the chunk is full or the file ends.
            }
            int usable = completeCharacters(buffer.array(), buffer.position());
            return new LogFileChunk(new String(buffer.array(), 0, usable, StandardCharsets.UTF_8), from + usable);
        }
    }

    /**
     * The whole file, for download; the caller closes the stream.
     *
     * @throws IllegalArgumentException when the name breaks {@link LogFileName}
     * @throws NoSuchFileException      when the instance has no such file
     */
    public InputStream open(InstanceLogId id, String name) throws IOException {
        return Files.newInputStream(existingFile(id, name), StandardOpenOption.READ);
    }

    private Path folderOf(InstanceLogId id) {
        return root.resolve(id.first()).resolve(id.second());
    }

    private Path existingFile(InstanceLogId id, String name) throws IOException {
        var file = folderOf(id).resolve(LogFileName.check(name)).normalize();
        var missing = new NoSuchFileException("There is no log file " + name + " of " + id.first() + "/"
                + id.second() + " on this executor");
        if (!file.startsWith(root) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw missing;
        }
        if (!file.toRealPath().startsWith(root.toRealPath())) {
            throw missing;
        }
        return file;
    }

    /**
     * How many of the first {@code count} bytes form whole UTF-8 characters: a character cut by the end of the chunk
     * is left for the next read. A chunk too short to hold even one whole character is answered as it is, so a
     * reader always moves on.
     */
    static int completeCharacters(byte[] bytes, int count) {
        for (int i = count - 1; i >= Math.max(0, count - 4); i--) {
            int b = bytes[i] & 0xFF;
            if ((b & 0xC0) == 0x80) {
                continue; // a continuation byte: its lead byte is further back
            }
            int needed = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
            return i + needed <= count || i == 0 ? count : i;
        }
        return count;
    }
}
