package dev.drove.controller.scheduler;

import com.google.inject.Guice;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SchedulerModuleTest {

    @Test
    void theControllerHasOneBookAndOneSchedulerOverIt() {
        var injector = Guice.createInjector(new SchedulerModule());

        var resources = injector.getInstance(ClusterResources.class);
        var scheduler = injector.getInstance(Scheduler.class);

        assertThat(injector.getInstance(ClusterResources.class)).isSameAs(resources);
        assertThat(injector.getInstance(Scheduler.class)).isSameAs(scheduler);
        resources.update(TestExecutors.host("h1").node(2, 256).build());
        try (var session = scheduler.session()) {
            assertThat(scheduler.place(PlacementRequest.of("A-1", 2, 256, null), session).isPlaced()).isTrue();
        }
    }
}
