package dev.drove.executor.cluster;

import com.github.dockerjava.api.DockerClient;
import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Provides;
import dev.drove.common.testkit.DockerExtension;
import dev.drove.common.testkit.TestImage;
import dev.drove.common.testkit.TestImages;
import dev.drove.executor.checks.ChecksModule;
import dev.drove.executor.engine.ContainerEngine;
import dev.drove.executor.engine.DockerClients;
import dev.drove.executor.engine.EngineModule;
import dev.drove.executor.engine.ExecutorOptions;
import dev.drove.executor.instances.ContainerLabels;
import dev.drove.executor.instances.ExecutorIdentity;
import dev.drove.executor.instances.Instances;
import dev.drove.executor.instances.InstancesModule;
import dev.drove.executor.topology.ExecutorResources;
import dev.drove.executor.topology.ResourceBook;
import dev.drove.executor.topology.ResourceConfig;
import dev.drove.executor.topology.TopologyModule;
import jakarta.inject.Singleton;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(DockerExtension.class)
class RunawayReaperTest {
    private static final ExecutorIdentity SELF = new ExecutorIdentity("reaper-test-executor", "127.0.0.1");
    private static final ExecutorOptions OPTIONS = new ExecutorOptions(null, true, null, null, 4096L, null, null,
            null);

    private final Injector injector = Guice.createInjector(new EngineModule(OPTIONS), new ChecksModule(),
            new TopologyModule(ResourceConfig.DEFAULTS, SELF.hostname()), new InstancesModule(SELF),
            new AbstractModule() {
                @Provides
                @Singleton
                ResourceBook resourceBook(ExecutorResources offer) {
                    return new ResourceBook(SELF.executorId(), offer);
                }
            });

    @AfterEach
    void close() {
        injector.getInstance(DockerClients.class).close();
    }

    private String container(DockerClient docker, String executorId) {
        var id = docker.createContainerCmd(TestImages.ensureBuilt(docker, TestImage.APP))
                .withLabels(Map.of(ContainerLabels.INSTANCE_ID, "AI-runaway-" + System.nanoTime(),
                        ContainerLabels.EXECUTOR_ID, executorId, DockerExtension.TEST_LABEL, "true"))
                .exec().getId();
        docker.startContainerCmd(id).exec();
        return id;
    }

    @Test
    void anUntrackedContainerOfThisExecutorIsRemovedOnlyAfterTwoSweeps(DockerClient docker) {
        var runaway = container(docker, SELF.executorId());
        var reaper = new RunawayReaper(injector.getInstance(ContainerEngine.class),
                injector.getInstance(Instances.class), SELF.executorId(), Duration.ofMinutes(1));

        assertThat(reaper.sweep()).isEmpty();
        assertThat(docker.inspectContainerCmd(runaway).exec().getState().getRunning()).isTrue();

        assertThat(reaper.sweep()).containsExactly(runaway);
        assertThat(docker.listContainersCmd().withShowAll(true).withIdFilter(java.util.List.of(runaway)).exec())
                .isEmpty();
    }

    @Test
    void containersOfAnotherExecutorAreLeftAlone(DockerClient docker) {
        var theirs = container(docker, "some-other-executor");
        var reaper = new RunawayReaper(injector.getInstance(ContainerEngine.class),
                injector.getInstance(Instances.class), SELF.executorId(), Duration.ofMinutes(1));

        reaper.sweep();
        assertThat(reaper.sweep()).isEmpty();
        assertThat(docker.inspectContainerCmd(theirs).exec().getState().getRunning()).isTrue();
    }
}
