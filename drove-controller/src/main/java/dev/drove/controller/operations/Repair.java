package dev.drove.controller.operations;

import dev.drove.controller.statestore.AppRuntimeInfo;
import dev.drove.models.application.ApplicationInfo;
import dev.drove.models.application.ApplicationState;
import dev.drove.models.operation.ApplicationDestroyOperation;
import dev.drove.models.operation.ApplicationOperation;
import dev.drove.models.operation.ApplicationRecoverOperation;
import dev.drove.models.operation.ApplicationScaleOperation;
import dev.drove.models.operation.ClusterOpSpec;

import java.util.Optional;

/**
 * What the app monitor does for one application that runs no operation, decided from what is stored (docs:
 * applications/outage.md). The engine carries it out as an operation; a new leader decides the same way for every
 * application, so an operation left in flight is resumed.
 *
 * <pre>
 * stored                                   repair
 * an operation in flight                   resume it (RESUMED)
 * DESTROY_REQUESTED, no operation          resume DESTROY
 * another working state, no operation      RECOVER: back to the resting state
 * no stored state                          RECOVER: store the resting state
 * RUNNING, fewer live than expected        SCALE to expected through OUTAGE_DETECTED
 * RUNNING, more live than expected         SCALE to expected (stops the oldest extras)
 * RUNNING, UNHEALTHY instances             SCALE to expected (stops them)
 * MONITORING, any live or UNHEALTHY        SCALE to 0
 * otherwise                                nothing
 * </pre>
 *
 * @param operation what to run
 * @param origin    RESUMED for a stored operation, MONITOR for one made here
 * @param outage    whether instances are missing (RUNNING → OUTAGE_DETECTED first)
 * @param reason    the decision as a sentence for the log
 */
record Repair(ApplicationOperation operation, RunningOperation.Origin origin, boolean outage, String reason) {

    static Optional<Repair> decide(ApplicationInfo application, Optional<AppRuntimeInfo> stored,
                                   AppInstances instances, ClusterOpSpec internalSpec) {
        var appId = application.appId();
        if (stored.isEmpty()) {
            return Optional.of(monitor(new ApplicationRecoverOperation(appId), false, "App " + appId
                    + " has no stored state; it rests according to its " + application.instances()
                    + " expected instances"));
        }
        var runtime = stored.get();
        var state = runtime.state();
        if (runtime.hasOperation()) {
            return Optional.of(new Repair(runtime.currentOperation(), RunningOperation.Origin.RESUMED, false,
                    "Resuming " + runtime.currentOperation().operationType() + " of app " + appId
                            + ", left in flight in state " + state + " by an earlier leadership term"));
        }
        if (state.isTerminal()) {
            return Optional.empty();
        }
        if (state == ApplicationState.DESTROY_REQUESTED) {
            return Optional.of(new Repair(new ApplicationDestroyOperation(appId, internalSpec),
                    RunningOperation.Origin.RESUMED, false, "App " + appId + " was being destroyed; finishing it"));
        }
        if (state != ApplicationState.RUNNING && state != ApplicationState.MONITORING) {
            return Optional.of(monitor(new ApplicationRecoverOperation(appId), false, "App " + appId
                    + " was left in " + state + " with no operation; returning it to rest"));
        }
        var expected = runtime.expectedInstances();
        var live = instances.live().size();
        var unhealthy = instances.unhealthy().size();
        if (state == ApplicationState.MONITORING) {
            if (expected > 0 || live > 0 || unhealthy > 0) {
                return Optional.of(monitor(scale(appId, expected, internalSpec), false, "App " + appId
                        + " is MONITORING with " + expected + " expected instances but has " + (live + unhealthy)
                        + "; scaling to " + expected));
            }
            return Optional.empty();
        }
        if (live < expected) {
            return Optional.of(monitor(scale(appId, expected, internalSpec), true, "App " + appId + " has only "
                    + live + " of " + expected + " expected instances healthy or starting"
                    + (unhealthy > 0 ? " (" + unhealthy + " UNHEALTHY)" : "") + "; starting " + (expected - live)
                    + " more"));
        }
        if (live > expected) {
            return Optional.of(monitor(scale(appId, expected, internalSpec), false, "App " + appId + " runs "
                    + live + " instances but expects " + expected + "; stopping the " + (live - expected)
                    + " oldest"));
        }
        if (unhealthy > 0) {
            return Optional.of(monitor(scale(appId, expected, internalSpec), false, "App " + appId + " has "
                    + unhealthy + " UNHEALTHY instances besides its " + expected + " live ones; stopping them"));
        }
        return Optional.empty();
    }

    private static Repair monitor(ApplicationOperation operation, boolean outage, String reason) {
        return new Repair(operation, RunningOperation.Origin.MONITOR, outage, reason);
    }

    private static ApplicationScaleOperation scale(String appId, long expected, ClusterOpSpec spec) {
        return new ApplicationScaleOperation(appId, (int) expected, spec);
    }
}
