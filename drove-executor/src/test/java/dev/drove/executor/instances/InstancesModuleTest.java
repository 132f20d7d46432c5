package dev.drove.executor.instances;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Provides;
import com.google.inject.TypeLiteral;
import dev.drove.common.statemachine.TransitionTable;
import dev.drove.executor.checks.ChecksModule;
import dev.drove.executor.engine.DockerClients;
import dev.drove.executor.engine.EngineModule;
import dev.drove.executor.topology.ExecutorResources;
import dev.drove.executor.topology.ResourceBook;
import dev.drove.executor.topology.ResourceConfig;
import dev.drove.executor.topology.TopologyModule;
import dev.drove.models.instance.InstanceState;
import dev.drove.models.taskinstance.TaskState;
import jakarta.inject.Singleton;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The module binds a step for exactly the states the lifecycle tables can leave, and one registry. */
class InstancesModuleTest {
    private final Injector injector = Guice.createInjector(new EngineModule(TestExecutor.OPTIONS), new ChecksModule(),
            new TopologyModule(ResourceConfig.DEFAULTS, TestExecutor.HOSTNAME),
            new InstancesModule(TestExecutor.IDENTITY), new AbstractModule() {
                @Provides
                @Singleton
                ResourceBook resourceBook(ExecutorResources offer) {
                    return new ResourceBook(TestExecutor.IDENTITY.executorId(), offer);
                }
            });

    @AfterEach
    void closeDockerClients() {
        injector.getInstance(DockerClients.class).close();
    }

    @Test
    void everyNonTerminalInstanceStateHasAStep() {
        Map<InstanceState, InstanceStep> steps = injector.getInstance(
                Key.get(new TypeLiteral<Map<InstanceState, InstanceStep>>() {
                }));

        assertThat(steps.keySet()).isEqualTo(nonTerminal(InstanceState.class, Lifecycles.INSTANCE));
    }

    @Test
    void everyNonTerminalTaskStateHasAStep() {
        Map<TaskState, TaskStep> steps = injector.getInstance(Key.get(new TypeLiteral<Map<TaskState, TaskStep>>() {
        }));

        assertThat(steps.keySet()).isEqualTo(nonTerminal(TaskState.class, Lifecycles.TASK));
    }

    @Test
    void theRegistryIsOnePerExecutor() {
        assertThat(injector.getInstance(Instances.class)).isSameAs(injector.getInstance(Instances.class));
    }

    private static <S extends Enum<S>> Set<S> nonTerminal(Class<S> type, TransitionTable<S> table) {
        return Arrays.stream(type.getEnumConstants()).filter(state -> !table.isTerminal(state))
                .collect(Collectors.toSet());
    }
}
