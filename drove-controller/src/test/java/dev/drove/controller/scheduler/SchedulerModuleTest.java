package dev.drove.controller.scheduler;

import com.google.inject.Guice;
import org.junit.jupiter.api.Test;

import static dev.drove.controller.scheduler.TestExecutors.host;
import static dev.drove.controller.scheduler.TestExecutors.idOf;
import static org.assertj.core.api.Assertions.assertThat;

class SchedulerModuleTest {

    @Test
    void theControllerHasOneBookAndOneSchedulerOverIt() {
        var injector = Guice.createInjector(new SchedulerModule());

        var resources = injector.getInstance(ClusterResources.class);
        var scheduler = injector.getInstance(Scheduler.class);

        assertThat(injector.getInstance(ClusterResources.class)).isSameAs(resources);
        assertThat(injector.getInstance(Scheduler.class)).isSameAs(scheduler);
        resources.update(host("h1").node(2, 256).build());
        try (var session = scheduler.session()) {
            assertThat(scheduler.place(PlacementRequest.of("A-1", 2, 256, null), session).isPlaced()).isTrue();
        }
    }

    @Test
    void theClustersStrategyReachesTheScheduler() {
        var injector = Guice.createInjector(new SchedulerModule(PlacementStrategy.BIN_PACKING));
        var resources = injector.getInstance(ClusterResources.class);
        var scheduler = injector.getInstance(Scheduler.class);
        for (int i = 0; i < 8; i++) {
            resources.update(host("h" + i).node(4, 4096).build());
        }
        resources.update(host("h5").node(4, 4096).used(0, 0, 0).build());

        try (var session = scheduler.session()) {
            for (int i = 0; i < 3; i++) {
                assertThat(scheduler.place(PlacementRequest.of("A-1", 1, 128, null), session).orElseThrow()
                        .executorId()).as("the fullest executor").isEqualTo(idOf("h5"));
            }
        }
    }
}
