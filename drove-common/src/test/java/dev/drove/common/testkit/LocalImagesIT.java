package dev.drove.common.testkit;

import com.github.dockerjava.api.DockerClient;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The kit's images on the real engine: tagged under our names, labelled with their context hash, kept when current. */
@ExtendWith(DockerExtension.class)
class LocalImagesIT {
    @ParameterizedTest(name = "{0}")
    @EnumSource(TestImage.class)
    void anImageBuiltFromTheCurrentContextIsKeptOnTheNextCheck(TestImage image, DockerClient docker) {
        String ensured = TestImages.ensureBuilt(docker, image);
        var inspected = docker.inspectImageCmd(image.reference()).exec();

        TestImages.forget();

        assertThat(TestImages.ensureBuilt(docker, image)).isEqualTo(ensured).isEqualTo(inspected.getId());
        assertThat(inspected.getConfig().getLabels()).containsKey(TestImages.CONTEXT_HASH_LABEL);
        assertThat(inspected.getSize()).as("image size in bytes").isLessThan(8L * TestContainer.MB);
        assertThat(inspected.getConfig().getExposedPorts() == null ? 0 : inspected.getConfig().getExposedPorts().length)
                .isEqualTo(image == TestImage.APP ? 1 : 0);
    }
}
