package dev.drove.common.testkit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class BuildContextTest {
    @TempDir
    Path dir;

    static Stream<Arguments> executables() throws IOException {
        Path script = Files.createTempFile("drove-test-script-", ".sh");
        script.toFile().deleteOnExit();
        Files.writeString(script, "#!/bin/sh\necho not an ELF file\n");
        return Stream.of(
                arguments("the busybox of this machine is static", "/bin/busybox", true),
                arguments("the dynamically linked ls is not", "/bin/ls", false),
                arguments("a shell script is not", script.toString(), false),
                arguments("a missing file is not", "/no/such/busybox", false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("executables")
    void onlyAnElfWithoutProgramInterpreterCountsAsStatic(String name, String path, boolean expected) {
        assertThat(BuildContext.isStaticExecutable(Path.of(path))).isEqualTo(expected);
    }

    @Test
    void theContextHashIsStableForTheSameFilesAndChangesWithAnyOfThem() throws IOException {
        Files.createDirectories(dir.resolve("rootfs/bin"));
        Files.writeString(dir.resolve("Dockerfile"), "FROM scratch\n");
        Files.writeString(dir.resolve("rootfs/bin/start"), "#!/bin/sh\necho one\n");
        String first = BuildContext.hash(dir);

        assertThat(BuildContext.hash(dir)).isEqualTo(first);
        Files.writeString(dir.resolve("rootfs/bin/start"), "#!/bin/sh\necho two\n");
        String edited = BuildContext.hash(dir);
        assertThat(edited).isNotEqualTo(first);
        Files.move(dir.resolve("rootfs/bin/start"), dir.resolve("rootfs/bin/begin"));
        assertThat(BuildContext.hash(dir)).isNotEqualTo(edited);
    }

    @Test
    void theKitFindsAStaticBusyboxForTheImages() {
        assertThat(BuildContext.isStaticExecutable(BuildContext.busybox())).isTrue();
    }
}
