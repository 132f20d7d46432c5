package dev.drove.executor.logs;

import dev.drove.models.api.LogFileChunk;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InstanceLogFoldersTest {
    private static final InstanceLogId APP = new InstanceLogId("TEST_APP-1", "AI-0001");

    @TempDir
    Path logPath;
    private InstanceLogFolders folders;
    private Path folder;

    @BeforeEach
    void instanceFolder() throws IOException {
        folders = new InstanceLogFolders(logPath);
        folder = Files.createDirectories(logPath.resolve("TEST_APP-1").resolve("AI-0001"));
    }

    @Test
    void listShowsOnlyOutputFilesNewestArchiveFirstAsTheDocsSample() throws IOException {
        for (var name : new String[]{"output.log", "output.log-2024-07-03", "output.log-2024-07-04", "notes.txt"}) {
            Files.writeString(folder.resolve(name), "x");
        }
        Files.createDirectory(folder.resolve("output.d"));

        assertThat(folders.list(APP)).containsExactly("output.log-2024-07-04", "output.log-2024-07-03", "output.log");
    }

    @Test
    void anInstanceWithoutLogsHasNoFiles() throws IOException {
        assertThat(folders.list(new InstanceLogId("OTHER-1", "AI-9"))).isEmpty();
    }

    @Test
    void tailingStartsAtTheEndAndEachReadContinuesWhereTheLastStopped() throws IOException {
        var file = folder.resolve("output.log");
        Files.writeString(file, "line 1\nline 2\n");

        var start = folders.read(APP, "output.log", InstanceLogFolders.FROM_END, 4096);
        assertThat(start).isEqualTo(new LogFileChunk("", 14));

        Files.writeString(file, "line 3\n", StandardOpenOption.APPEND);
        var next = folders.read(APP, "output.log", start.offset(), 4096);
        assertThat(next).isEqualTo(new LogFileChunk("line 3\n", 21));

        assertThat(folders.read(APP, "output.log", next.offset(), 4096)).isEqualTo(new LogFileChunk("", 21));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "from the start, short     | 0  | 4    | 'line'        | 4",
            "from the middle           | 7  | 100  | 'line 2\n'    | 14",
            "past the end: started anew| 99 | 6    | 'line 1'      | 6",
            "at the end                | 14 | 100  | ''            | 14",
    })
    void aReadAnswersAtMostLengthBytesAndTheNextOffset(String row, long offset, long length, String data,
                                                       long next) throws IOException {
        Files.writeString(folder.resolve("output.log"), "line 1\nline 2\n");

        assertThat(folders.read(APP, "output.log", offset, length)).isEqualTo(new LogFileChunk(data, next));
    }

    @Test
    void aChunkNeverEndsInsideACharacterTheRestComesNext() throws IOException {
        Files.writeString(folder.resolve("output.log"), "ab€cd", StandardCharsets.UTF_8); // € is 3 bytes

        var first = folders.read(APP, "output.log", 0, 4);
        assertThat(first).isEqualTo(new LogFileChunk("ab", 2));
        var second = folders.read(APP, "output.log", first.offset(), 4);
        assertThat(second).isEqualTo(new LogFileChunk("€c", 6));
    }

    @Test
    void oneReadAnswersAtMostOneMebibyte() throws IOException {
        Files.write(folder.resolve("output.log"), new byte[InstanceLogFolders.MAX_READ_LENGTH + 10]);

        assertThat(folders.read(APP, "output.log", 0, Long.MAX_VALUE).offset())
                .isEqualTo(InstanceLogFolders.MAX_READ_LENGTH);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "offset below -1 | -2 | 10 | offset must be -1 (the end of the file) or a position from 0, not -2",
            "length zero     | 0  | 0  | length must be a positive number of bytes, not 0",
            "negative length | 0  | -5 | length must be a positive number of bytes, not -5",
    })
    void aBadOffsetOrLengthIsRefusedSayingWhy(String row, long offset, long length, String message) {
        assertThatThrownBy(() -> folders.read(APP, "output.log", offset, length))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void downloadOpensTheWholeFile() throws IOException {
        Files.writeString(folder.resolve("output.log-2024-07-04"), "archived\n");

        try (var in = folders.open(APP, "output.log-2024-07-04")) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("archived\n");
        }
    }

    @Test
    void aMissingFileIsNamedInTheError() {
        assertThatThrownBy(() -> folders.open(APP, "output.log"))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessage("There is no log file output.log of TEST_APP-1/AI-0001 on this executor");
    }

    @Test
    void aLinkPointingOutsideTheLogPathCountsAsMissing(@TempDir Path elsewhere) throws IOException {
        var secret = Files.writeString(elsewhere.resolve("secret"), "do not serve");
        Files.createSymbolicLink(folder.resolve("output.log"), secret);

        assertThatThrownBy(() -> folders.read(APP, "output.log", 0, 100)).isInstanceOf(NoSuchFileException.class);
        assertThat(folders.list(APP)).isEmpty();
    }

    @Test
    void anInstanceFolderLinkedOutsideTheLogPathCountsAsMissing(@TempDir Path elsewhere) throws IOException {
        Files.writeString(elsewhere.resolve("output.log"), "do not serve");
        Files.createDirectories(logPath.resolve("APP2"));
        Files.createSymbolicLink(logPath.resolve("APP2").resolve("AI-1"), elsewhere);
        assertThatThrownBy(() -> folders.open(new InstanceLogId("APP2", "AI-1"), "output.log"))
                .isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void aTraversingNameIsRefusedBeforeAnyFileIsTouched() {
        assertThatThrownBy(() -> folders.read(APP, "../../../../etc/passwd", 0, 100))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("plain file name");
    }

    @Test
    void theFoldersAreTheDroveAppendersLogPath() throws Exception {
        var config = DroveAppenders.bindConfig("""
                logging:
                  appenders:
                    - type: console
                    - type: drove
                      logPath: %s
                """.formatted(logPath));

        assertThat(InstanceLogFolders.configuredIn(config.getLoggingFactory()))
                .hasValueSatisfying(found -> assertThat(found.root()).isEqualTo(logPath.toAbsolutePath()));
    }

    @Test
    void withoutADroveAppenderThereAreNoFolders() throws Exception {
        var config = DroveAppenders.bindConfig("""
                logging:
                  appenders:
                    - type: console
                """);

        assertThat(InstanceLogFolders.configuredIn(config.getLoggingFactory())).isEmpty();
    }
}
