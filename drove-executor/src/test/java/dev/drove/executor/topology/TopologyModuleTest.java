package dev.drove.executor.topology;

import com.google.inject.Guice;
import com.google.inject.Injector;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class TopologyModuleTest {

    @Test
    void theModuleOffersTheResourcesOfTheTopologyItReadsOnce() {
        ResourceConfig config = new ResourceConfig(Set.of(0), null, null, null, Set.of("staging"), null);
        Injector injector = Guice.createInjector(new TopologyModule(config, "executor-1", Fixtures.reader("two-nodes")));

        ExecutorResources resources = injector.getInstance(ExecutorResources.class);

        assertThat(injector.getInstance(ExecutorResources.class)).isSameAs(resources);
        assertThat(injector.getInstance(HostTopology.class)).isSameAs(injector.getInstance(HostTopology.class));
        assertThat(injector.getInstance(ResourceConfig.class)).isSameAs(config);
        assertThat(resources.totalCores()).isEqualTo(15);
        assertThat(resources.tags()).containsExactly("executor-1", "staging");
    }
}
