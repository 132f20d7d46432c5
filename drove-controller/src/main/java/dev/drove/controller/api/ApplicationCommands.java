package dev.drove.controller.api;

import dev.drove.common.errors.ApiException;
import dev.drove.common.errors.CommandValidationException;
import dev.drove.controller.specrules.HostAccessRules;
import dev.drove.controller.statestore.ApplicationStore;
import dev.drove.controller.statestore.ClusterStateStore;
import dev.drove.models.api.OperationAccepted;
import dev.drove.models.api.SpecValidity;
import dev.drove.models.application.ApplicationSpec;
import dev.drove.models.cluster.ClusterState;
import dev.drove.models.operation.ApplicationCreateOperation;
import dev.drove.models.operation.ApplicationOperation;
import dev.drove.models.validation.ContractReader;
import jakarta.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * The write side of the application API, shared by {@code /applications/operations} and its deprecated
 * {@code /operations} alias: raw JSON is read with {@link ContractReader}, so a bad document is refused with every
 * problem at once (HTTP 400, "Command validation failure") and never reaches the engine.
 */
final class ApplicationCommands {
    private static final Logger log = LoggerFactory.getLogger(ApplicationCommands.class);
    /** The original caps an application's arguments at 2048 characters once joined; the controller checks it. */
    static final int MAX_JOINED_ARGS_LENGTH = 2048;

    private final ApplicationOperations operations;
    private final ApplicationStore applications;
    private final ClusterStateStore clusterState;
    private final HostAccessRules hostAccess;
    private final ContractReader reader = ContractReader.standard();

    @Inject
    ApplicationCommands(ApplicationOperations operations, ApplicationStore applications,
                        ClusterStateStore clusterState, HostAccessRules hostAccess) {
        this.operations = operations;
        this.applications = applications;
        this.clusterState = clusterState;
        this.hostAccess = hostAccess;
    }

    /** Validates an ApplicationSpec: valid with any warnings (unknown fields), or a 400 listing every error. */
    SpecValidity validate(String body) {
        refuseInMaintenance();
        var reading = reader.read(body, ApplicationSpec.class);
        var errors = new ArrayList<>(reading.report().errors());
        reading.value().ifPresent(spec -> errors.addAll(controllerChecks("", spec)));
        if (!errors.isEmpty()) {
            throw new CommandValidationException(errors);
        }
        return new SpecValidity(true, reading.report().warnings());
    }

    /** Reads, validates and submits an application operation; the engine's refusals (404, 409) pass through. */
    OperationAccepted submit(String body) {
        refuseInMaintenance();
        var reading = reader.read(body, ApplicationOperation.class);
        var errors = new ArrayList<>(reading.report().errors());
        reading.value().filter(ApplicationCreateOperation.class::isInstance)
                .map(ApplicationCreateOperation.class::cast)
                .filter(create -> create.spec() != null)
                .ifPresent(create -> errors.addAll(controllerChecks("spec.", create.spec())));
        if (!errors.isEmpty()) {
            throw new CommandValidationException(errors);
        }
        var operation = reading.value().orElseThrow();
        var appId = operations.submit(operation);
        log.info("Accepted {} operation for app {}", operation.operationType(), appId);
        return OperationAccepted.forApp(appId);
    }

    /**
     * Cancels the operation running on {@code appId}: 404 for an unknown application, 409 when no operation was
     * running (the original answered a bare failure).
     */
    void cancel(String appId) {
        if (applications.find(appId).isEmpty()) {
            throw ApiException.notFound("App %s not found", appId);
        }
        if (!operations.cancel(appId)) {
            throw ApiException.conflict("App %s has no running operation to cancel", appId);
        }
        log.info("Cancelled the current operation of app {}", appId);
    }

    /**
     * Rules the controller enforces beyond the model's: the joined length of {@code args}, and the host directories
     * and devices this cluster allows ({@link HostAccessRules}).
     */
    List<String> controllerChecks(String prefix, ApplicationSpec spec) {
        var problems = new ArrayList<String>();
        var joined = String.join(" ", spec.args()).length();
        if (joined > MAX_JOINED_ARGS_LENGTH) {
            problems.add("%sargs must be at most %d characters when joined with spaces, not %d"
                    .formatted(prefix, MAX_JOINED_ARGS_LENGTH, joined));
        }
        problems.addAll(hostAccess.problems(prefix, spec));
        return problems;
    }

    /** Maintenance mode freezes the cluster: submissions, validations and dry-runs are refused (contract App. A). */
    void refuseInMaintenance() {
        if (clusterState.state() == ClusterState.MAINTENANCE) {
            throw ApiException.badRequest("Cluster is in maintenance mode; operations, spec validations and rule "
                    + "dry-runs are refused until POST /apis/v1/cluster/maintenance/unset");
        }
    }
}
