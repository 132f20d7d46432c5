package dev.drove.executor.engine;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ImageNameTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "no tag means latest,           nginx,                               nginx,                       latest,          nginx:latest",
            "tag,                           nginx:1.27,                          nginx,                       1.27,            nginx:1.27",
            "registry with port and no tag, registry.local:5000/team/app,        registry.local:5000/team/app, latest,         registry.local:5000/team/app:latest",
            "registry with port and tag,    registry.local:5000/team/app:2,      registry.local:5000/team/app, 2,              registry.local:5000/team/app:2",
            "digest,                        team/app@sha256:abc,                 team/app,                    sha256:abc,      team/app@sha256:abc",
    })
    void aReferenceSplitsIntoRepositoryAndTag(String name, String reference, String repository, String tag,
                                             String full) {
        ImageName image = ImageName.parse(reference);
        assertThat(image.repository()).isEqualTo(repository);
        assertThat(image.tag()).isEqualTo(tag);
        assertThat(image).hasToString(full);
    }
}
