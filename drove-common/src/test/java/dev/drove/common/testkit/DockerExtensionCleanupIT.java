package dev.drove.common.testkit;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves that {@link DockerExtension} removes what a class created, and only that. The tests create containers
 * and note what should happen to them; {@link RemovalCheck} is registered before the extension, so its afterAll
 * runs after the extension's and fails the class if a container it expects gone is still there, or one it expects
 * kept is gone. The nested class checks that a nested class cleans up its own containers when it ends.
 */
@ExtendWith({DockerExtensionCleanupIT.RemovalCheck.class, DockerExtension.class})
class DockerExtensionCleanupIT {
    static final Queue<String> EXPECT_REMOVED = new ConcurrentLinkedQueue<>();
    static final Queue<String> EXPECT_KEPT = new ConcurrentLinkedQueue<>();

    @Test
    void aRunningKitContainerIsRemovedAfterTheClass(DockerClient docker) {
        RunningContainer app = TestContainer.of(TestImage.APP).run(docker);
        EXPECT_REMOVED.add(app.id());

        assertThat(docker.inspectContainerCmd(app.id()).exec().getState().getRunning()).isTrue();
    }

    @Test
    void anExitedKitContainerIsRemovedAfterTheClass(DockerClient docker) {
        RunningContainer task = TestContainer.of(TestImage.TASK).env("ITERATIONS", "1").env("SLEEP_SECONDS", "0")
                .run(docker);
        EXPECT_REMOVED.add(task.id());

        assertThat(task.awaitExit(Duration.ofSeconds(10))).isZero();
    }

    @Test
    void aContainerWithADroveLabelLikeTheExecutorsIsRemovedAfterTheClass(DockerClient docker) {
        String id = docker.createContainerCmd(TestImage.APP.reference())
                .withLabels(Map.of("drove.instance.id", "AI-cleanup-test"))
                .exec().getId();
        docker.startContainerCmd(id).exec();
        EXPECT_REMOVED.add(id);

        assertThat(docker.inspectContainerCmd(id).exec().getConfig().getLabels())
                .doesNotContainKey(DockerExtension.TEST_LABEL);
    }

    @Test
    void aContainerWithoutOurLabelsIsLeftAlone(DockerClient docker) {
        String id = docker.createContainerCmd(TestImage.TASK.reference()).withLabels(Map.of("purpose", "cleanup-test"))
                .exec().getId();
        EXPECT_KEPT.add(id);

        assertThat(docker.inspectContainerCmd(id).exec().getId()).isEqualTo(id);
    }

    @Nested
    class ANestedClass {
        @Test
        void removesItsOwnContainersWhenItEnds(DockerClient docker) {
            RunningContainer app = TestContainer.of(TestImage.APP).run(docker);
            NestedRemovalCheck.EXPECT_REMOVED.add(app.id());

            assertThat(docker.inspectContainerCmd(app.id()).exec().getState().getRunning()).isTrue();
        }
    }

    /** Checks, after the extension's afterAll, that the outer class's expectations hold. */
    static final class RemovalCheck implements AfterAllCallback {
        @Override
        public void afterAll(ExtensionContext context) {
            if (context.getRequiredTestClass() != DockerExtensionCleanupIT.class) {
                NestedRemovalCheck.verify();
                return;
            }
            DockerClient docker = DockerExtension.client();
            List<String> problems = new ArrayList<>();
            for (String id : EXPECT_REMOVED) {
                if (exists(docker, id)) {
                    problems.add("container " + id + " should have been removed");
                }
            }
            for (String id : EXPECT_KEPT) {
                if (exists(docker, id)) {
                    docker.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
                } else {
                    problems.add("container " + id + " without our labels should have been left alone");
                }
            }
            if (EXPECT_REMOVED.size() != 3 || EXPECT_KEPT.size() != 1) {
                problems.add("the tests did not all record their containers: " + EXPECT_REMOVED + " " + EXPECT_KEPT);
            }
            if (!problems.isEmpty()) {
                throw new AssertionError("DockerExtension cleaned up wrongly: " + problems);
            }
        }
    }

    /** The nested class's expectations, checked after the nested class's own afterAll of the extension. */
    static final class NestedRemovalCheck {
        static final Queue<String> EXPECT_REMOVED = new ConcurrentLinkedQueue<>();

        static void verify() {
            DockerClient docker = DockerExtension.client();
            if (EXPECT_REMOVED.isEmpty()) {
                throw new AssertionError("The nested test did not record its container");
            }
            for (String id : EXPECT_REMOVED) {
                if (exists(docker, id)) {
                    throw new AssertionError("Container " + id + " of the nested class should have been removed "
                            + "when the nested class ended");
                }
            }
        }
    }

    static boolean exists(DockerClient docker, String id) {
        try {
            docker.inspectContainerCmd(id).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }
}
