package dev.drove.controller.operations;

import dev.drove.controller.statestore.AppRuntimeInfo;
import dev.drove.models.application.ApplicationInfo;
import dev.drove.models.application.ApplicationState;
import dev.drove.models.instance.InstanceInfo;
import dev.drove.models.instance.InstanceState;
import dev.drove.models.operation.ApplicationOperation;
import dev.drove.models.operation.ApplicationOperationType;
import dev.drove.models.operation.ApplicationScaleOperation;
import dev.drove.models.operation.ClusterOpSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static dev.drove.models.application.ApplicationState.DESTROY_REQUESTED;
import static dev.drove.models.application.ApplicationState.FAILED;
import static dev.drove.models.application.ApplicationState.MONITORING;
import static dev.drove.models.application.ApplicationState.OUTAGE_DETECTED;
import static dev.drove.models.application.ApplicationState.RUNNING;
import static dev.drove.models.application.ApplicationState.SCALING_REQUESTED;
import static dev.drove.models.instance.InstanceState.HEALTHY;
import static dev.drove.models.instance.InstanceState.LOST;
import static dev.drove.models.instance.InstanceState.PENDING;
import static dev.drove.models.instance.InstanceState.STARTING;
import static dev.drove.models.instance.InstanceState.STOPPED;
import static dev.drove.models.instance.InstanceState.UNHEALTHY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** What the app monitor (and a new leader) decides for an application that runs no operation. */
class RepairTest {
    private static final String APP_ID = "billing-1";
    private static final ClusterOpSpec INTERNAL = LifecycleOptions.DEFAULTS.internalOpSpec();

    /** What a row expects: nothing (null type), or an operation of this type, origin and target count. */
    record Expected(ApplicationOperationType type, RunningOperation.Origin origin, boolean outage,
                    Integer required) {
        static final Expected NOTHING = new Expected(null, null, false, null);

        static Expected scale(int required, boolean outage) {
            return new Expected(ApplicationOperationType.SCALE_INSTANCES, RunningOperation.Origin.MONITOR, outage,
                    required);
        }

        static Expected of(ApplicationOperationType type, RunningOperation.Origin origin) {
            return new Expected(type, origin, false, null);
        }
    }

    static Stream<Arguments> decisions() {
        return Stream.of(
                arguments("a running app with all its instances is left alone", runtime(RUNNING, 2, null),
                        states(HEALTHY, STARTING), Expected.NOTHING),
                arguments("a running app missing an instance is repaired through an outage",
                        runtime(RUNNING, 3, null), states(HEALTHY, HEALTHY, LOST), Expected.scale(3, true)),
                arguments("an UNHEALTHY instance counts as missing", runtime(RUNNING, 2, null),
                        states(HEALTHY, UNHEALTHY), Expected.scale(2, true)),
                arguments("an app with more instances than expected stops extras", runtime(RUNNING, 1, null),
                        states(HEALTHY, HEALTHY), Expected.scale(1, false)),
                arguments("UNHEALTHY instances beside the expected ones are stopped", runtime(RUNNING, 1, null),
                        states(HEALTHY, UNHEALTHY), Expected.scale(1, false)),
                arguments("finished instances do not count", runtime(RUNNING, 1, null),
                        states(HEALTHY, STOPPED, LOST), Expected.NOTHING),
                arguments("a monitoring app without instances is left alone", runtime(MONITORING, 0, null),
                        states(STOPPED), Expected.NOTHING),
                arguments("a monitoring app with an instance stops it", runtime(MONITORING, 0, null),
                        states(PENDING), Expected.scale(0, false)),
                arguments("an operation in flight is resumed", runtime(SCALING_REQUESTED, 3,
                        new ApplicationScaleOperation(APP_ID, 3, INTERNAL)), states(HEALTHY),
                        Expected.of(ApplicationOperationType.SCALE_INSTANCES, RunningOperation.Origin.RESUMED)),
                arguments("a destroy left without operation is finished", runtime(DESTROY_REQUESTED, 0, null),
                        states(), Expected.of(ApplicationOperationType.DESTROY, RunningOperation.Origin.RESUMED)),
                arguments("an outage left without operation goes back to rest", runtime(OUTAGE_DETECTED, 2, null),
                        states(), Expected.of(ApplicationOperationType.RECOVER, RunningOperation.Origin.MONITOR)),
                arguments("an app without stored state gets one", null, states(HEALTHY),
                        Expected.of(ApplicationOperationType.RECOVER, RunningOperation.Origin.MONITOR)),
                arguments("a FAILED app is left alone", runtime(FAILED, 0, null), states(), Expected.NOTHING));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("decisions")
    void theMonitorDecidesByTheseRules(String name, AppRuntimeInfo stored, AppInstances instances,
                                       Expected expected) {
        var application = new ApplicationInfo(APP_ID, TestApps.spec("billing"),
                stored == null ? 1 : stored.expectedInstances(), new Date(1_000), new Date(1_000));

        var repair = Repair.decide(application, Optional.ofNullable(stored), instances, INTERNAL);

        if (expected.type() == null) {
            assertThat(repair).isEmpty();
            return;
        }
        assertThat(repair).hasValueSatisfying(r -> {
            assertThat(r.operation().operationType()).isEqualTo(expected.type());
            assertThat(r.operation().appId()).isEqualTo(APP_ID);
            assertThat(r.origin()).isEqualTo(expected.origin());
            assertThat(r.outage()).isEqualTo(expected.outage());
            assertThat(r.reason()).contains(APP_ID);
            if (expected.required() != null) {
                assertThat(((ApplicationScaleOperation) r.operation()).requiredInstances())
                        .isEqualTo(expected.required());
                assertThat(r.operation().opSpec()).isEqualTo(INTERNAL);
            }
        });
    }

    private static AppRuntimeInfo runtime(ApplicationState state, long expected, ApplicationOperation operation) {
        return new AppRuntimeInfo(APP_ID, state, expected, operation, new Date(2_000));
    }

    private static AppInstances states(InstanceState... states) {
        var counter = new int[1];
        List<InstanceInfo> list = Arrays.stream(states)
                .map(state -> new InstanceInfo(APP_ID, "billing", "AI-" + (++counter[0]), "executor-1", null,
                        List.of(), state, null, "", new Date(counter[0]), new Date(counter[0])))
                .toList();
        return new AppInstances(list);
    }
}
