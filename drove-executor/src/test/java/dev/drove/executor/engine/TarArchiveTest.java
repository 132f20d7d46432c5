package dev.drove.executor.engine;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The in-memory archive is a valid ustar file that a standard reader (commons-compress here) reads back. */
class TarArchiveTest {

    @Test
    void filesComeBackWithTheirPathsContentAndReadableMode() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("/etc/app/config.yml", "port: 8080\n".getBytes(StandardCharsets.UTF_8));
        files.put("/empty", new byte[0]);
        files.put("/data/block", new byte[512]);
        String deep = "/" + "folder/".repeat(20) + "a-file-name-that-is-long.txt";
        files.put(deep, "deep".getBytes(StandardCharsets.UTF_8));

        Map<String, String> read = new LinkedHashMap<>();
        try (var tar = new TarArchiveInputStream(new ByteArrayInputStream(TarArchive.of(files)))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                assertThat(entry.getMode() & 0777).isEqualTo(0644);
                assertThat(entry.isFile()).isTrue();
                read.put(entry.getName(), new String(tar.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertThat(read).containsExactly(
                Map.entry("etc/app/config.yml", "port: 8080\n"),
                Map.entry("empty", ""),
                Map.entry("data/block", new String(new byte[512], StandardCharsets.UTF_8)),
                Map.entry(deep.substring(1), "deep"));
    }

    @Test
    void aPathTooLongForUstarIsRefusedByName() {
        String tooLong = "/" + "x".repeat(300);
        assertThatThrownBy(() -> TarArchive.of(Map.of(tooLong, new byte[0])))
                .hasMessage("Path " + tooLong + " is too long to copy into a container");
    }
}
