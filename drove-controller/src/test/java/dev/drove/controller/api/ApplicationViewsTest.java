package dev.drove.controller.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.drove.common.testkit.ZookeeperExtension;
import dev.drove.controller.statestore.AppRuntimeInfo;
import dev.drove.controller.statestore.ApplicationStore;
import dev.drove.controller.statestore.CachingApplicationStore;
import dev.drove.controller.statestore.CachingInstanceStore;
import dev.drove.controller.statestore.ZkApplicationStore;
import dev.drove.controller.statestore.ZkInstanceStore;
import dev.drove.models.api.ApiResponse;
import dev.drove.models.api.AppSummary;
import dev.drove.models.application.ApplicationInfo;
import dev.drove.models.application.ApplicationState;
import dev.drove.models.instance.InstanceState;
import dev.drove.models.json.Json;
import dev.drove.models.operation.ApplicationOperation;
import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application listing is kept as written between changes: the leader's stores and the engine stamp what it is
 * built from, and any change of an application, its runtime or its instances builds it again.
 */
@ExtendWith(ZookeeperExtension.class)
class ApplicationViewsTest {
    private CachingInstanceStore instances;
    private CachingApplicationStore applications;
    private final AtomicInteger written = new AtomicInteger();

    @BeforeEach
    void leadingStoresWithOneAppOfOneHealthyInstance(CuratorFramework curator) {
        instances = new CachingInstanceStore(new ZkInstanceStore(curator));
        instances.leadershipAcquired();
        applications = new CachingApplicationStore(new ZkApplicationStore(curator), instances);
        applications.leadershipAcquired();
        applications.save(new ApplicationInfo("BILLING-1", SampleCluster.spec("BILLING", "1", false), 2,
                new Date(1_000), new Date(1_000)));
        applications.saveRuntime(new AppRuntimeInfo("BILLING-1", ApplicationState.RUNNING, 2, null, new Date()));
        instances.save(SampleCluster.instance("BILLING-1", "BILLING", "AI-1", 31000, InstanceState.HEALTHY));
    }

    @Test
    void theSameListingIsServedUntilAnInstanceChanges() {
        var views = new ApplicationViews(applications, instances, new StoreStates(applications));

        var first = views.summaryPage(0, 1024, this::json);
        assertThat(views.summaryPage(0, 1024, this::json)).isSameAs(first);
        assertThat(written).hasValue(1);
        assertThat(read(first).at("/data/BILLING-1/healthyInstances").asInt()).isEqualTo(1);

        instances.save(SampleCluster.instance("BILLING-1", "BILLING", "AI-2", 31001, InstanceState.HEALTHY));

        var second = views.summaryPage(0, 1024, this::json);
        assertThat(written).hasValue(2);
        assertThat(read(second).at("/data/BILLING-1/healthyInstances").asInt()).isEqualTo(2);
    }

    @Test
    void aStateOrApplicationChangeOrAnotherPageBuildsTheListingAgain() {
        var views = new ApplicationViews(applications, instances, new StoreStates(applications));
        views.summaryPage(0, 1024, this::json);

        applications.saveRuntime(new AppRuntimeInfo("BILLING-1", ApplicationState.SCALING_REQUESTED, 3, null,
                new Date()));
        assertThat(read(views.summaryPage(0, 1024, this::json)).at("/data/BILLING-1/state").asText())
                .isEqualTo("SCALING_REQUESTED");

        applications.save(new ApplicationInfo("BILLING-1", SampleCluster.spec("BILLING", "1", false), 3,
                new Date(1_000), new Date(2_000)));
        assertThat(read(views.summaryPage(0, 1024, this::json)).at("/data/BILLING-1/requiredInstances").asInt())
                .isEqualTo(3);

        assertThat(read(views.summaryPage(1, 1024, this::json)).get("data")).isEmpty();
        assertThat(written).hasValue(4);
    }

    @Test
    void theActiveCountFollowsStateChangesAndNewApplications() {
        var views = new ApplicationViews(applications, instances, new StoreStates(applications));
        assertThat(views.activeCount()).isEqualTo(1);

        applications.saveRuntime(new AppRuntimeInfo("BILLING-1", ApplicationState.MONITORING, 0, null, new Date()));
        assertThat(views.activeCount()).isZero();

        applications.save(new ApplicationInfo("PAYROLL-1", SampleCluster.spec("PAYROLL", "1", false), 1,
                new Date(1_000), new Date(1_000)));
        applications.saveRuntime(new AppRuntimeInfo("PAYROLL-1", ApplicationState.RUNNING, 1, null, new Date()));
        assertThat(views.activeCount()).isEqualTo(1);
    }

    @Test
    void withAnEngineThatCannotStampItsStatesEveryListingIsBuilt() {
        var views = new ApplicationViews(applications, instances, new RecordingOperations());

        views.summaryPage(0, 1024, this::json);
        views.summaryPage(0, 1024, this::json);

        assertThat(written).hasValue(2);
    }

    @Test
    void notLeadingEveryListingIsBuiltFromZooKeeper() {
        var views = new ApplicationViews(applications, instances, new StoreStates(applications));
        applications.leadershipLost();
        instances.leadershipLost();

        views.summaryPage(0, 1024, this::json);
        views.summaryPage(0, 1024, this::json);

        assertThat(written).hasValue(2);
    }

    private byte[] json(Map<String, AppSummary> summaries) {
        written.incrementAndGet();
        try {
            return Json.mapper().writeValueAsBytes(ApiResponse.success(summaries));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(byte[] json) {
        try {
            return Json.mapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The engine as the controller binds it: states read from the application store, which stamps them. */
    private record StoreStates(ApplicationStore applications) implements ApplicationOperations {
        @Override
        public String submit(ApplicationOperation operation) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean cancel(String appId) {
            return false;
        }

        @Override
        public Optional<ApplicationState> state(String appId) {
            return applications.findRuntime(appId).map(AppRuntimeInfo::state);
        }

        @Override
        public OptionalLong stateStamp() {
            return OptionalLong.of(0);
        }
    }
}
