package dev.drove.controller.specrules;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The path rule of {@code options.allowedMountDirs}: normalised paths, compared at path-segment boundaries. */
class MountDirectoriesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "the allowed directory itself                 | /data                 | /data                  | true",
            "a directory below it                         | /data                 | /data/a                | true",
            "a deep file below it                         | /data                 | /data/a/b/c.txt        | true",
            "a trailing slash                             | /data                 | /data/                 | true",
            "an allowed directory given with a slash      | /data/                | /data/a                | true",
            "a sibling sharing the prefix                 | /data                 | /database              | false",
            "a sibling sharing the prefix, below          | /data                 | /database/a            | false",
            "the parent of the allowed directory          | /data/a               | /data                  | false",
            "the root                                     | /data                 | /                      | false",
            "dot-dot out of the directory                 | /data                 | /data/../etc           | false",
            "dot-dot out and back in                      | /data                 | /data/../data/a        | true",
            "dot-dot that stays inside                    | /data                 | /data/a/../b           | true",
            "dot-dot past the root                        | /data                 | /../../data/a          | true",
            "dot-dot past the root to elsewhere           | /data                 | /../../etc             | false",
            "a dot segment                                | /data                 | /data/./a              | true",
            "doubled slashes                              | /data                 | //data//a              | true",
            "a relative path                              | /data                 | data/a                 | false",
            "a relative path climbing out                 | /data                 | ../data/a              | false",
            "one of several allowed directories           | /data;/scratch        | /scratch/x             | true",
            "none of several allowed directories          | /data;/scratch        | /etc/passwd            | false",
            "an allowed directory with dot-dot in it      | /var/lib/../scratch   | /var/scratch/x         | true",
            "the root allows every absolute path          | /                     | /etc                   | true",
            "case matters                                 | /data                 | /DATA/a                | false",
    })
    void aHostPathIsAllowedOnlyAtOrBelowAnAllowedDirectory(String row, String allowed, String path,
                                                            boolean allowedToMount) {
        var directories = new MountDirectories(Arrays.asList(allowed.split(";")));

        assertThat(directories.refusal(path).isEmpty()).isEqualTo(allowedToMount);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "already normal            | /data/a        | /data/a",
            "trailing slash            | /data/a/       | /data/a",
            "dots                      | /data/./a/.    | /data/a",
            "dot-dot                   | /data/b/../a   | /data/a",
            "dot-dot past the root     | /../data       | /data",
            "only the root             | /              | /",
            "the root through dot-dot  | /data/..       | /",
    })
    void pathsAreNormalisedBeforeTheyAreCompared(String row, String path, String normalised) {
        assertThat(MountDirectories.normalise(path)).isEqualTo(normalised);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a plain path           | /etc            | /etc is not under an allowed mount directory "
                    + "(allowed: /scratch)",
            "a path that climbs out | /scratch/../etc | /scratch/../etc (/etc) is not under an allowed mount "
                    + "directory (allowed: /scratch)",
            "a relative path        | scratch         | scratch is not an absolute path; only directories under "
                    + "/scratch may be mounted",
    })
    void aRefusalSaysWhichPathAndWhatIsAllowed(String row, String path, String refusal) {
        var directories = new MountDirectories(List.of("/scratch"));

        assertThat(directories.refusal(path)).contains(refusal);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "an absolute path        | /etc",
            "a relative path         | etc",
            "dot-dot to the root     | /../..",
    })
    void withoutAllowedDirectoriesAnythingMayBeMounted(String row, String path) {
        var directories = new MountDirectories(List.of());

        assertThat(directories.isRestricted()).isFalse();
        assertThat(directories.refusal(path)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a relative directory    | scratch",
            "an empty directory      | ''",
    })
    void anAllowedDirectoryThatIsNotAbsoluteIsAConfigurationError(String row, String directory) {
        assertThatThrownBy(() -> new MountDirectories(List.of(directory)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("options.allowedMountDirs must hold absolute paths");
    }
}
