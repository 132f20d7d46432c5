package dev.drove.executor.instances;

import com.github.dockerjava.api.DockerClient;
import dev.drove.common.testkit.DockerExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the instance tests on the real engine share: the test images tagged for the class, and for each test a fresh
 * executor (its registry built as the executor builds it) whose changes {@link #heard} records.
 */
@ExtendWith(DockerExtension.class)
abstract class OnRealEngine {
    final RecordingListener heard = new RecordingListener();
    TestExecutor executor;
    Instances instances;

    @BeforeAll
    static void tagImages(DockerClient docker) {
        TestSpecs.tagImages(docker);
    }

    @AfterAll
    static void untagImages(DockerClient docker) {
        TestSpecs.untagImages(docker);
    }

    @BeforeEach
    void startExecutor() {
        executor = new TestExecutor();
        instances = executor.instances();
        instances.addListener(heard);
    }

    @AfterEach
    void stopExecutor() {
        executor.close();
    }
}
