package dev.drove.controller.tasks;

import dev.drove.common.errors.ApiException;
import dev.drove.common.errors.CommandValidationException;
import dev.drove.controller.auth.InstanceCaller;
import dev.drove.controller.auth.Roles;
import dev.drove.controller.specrules.HostAccessRules;
import dev.drove.controller.statestore.ClusterStateStore;
import dev.drove.controller.statestore.TaskStore;
import dev.drove.models.api.ApiResponse;
import dev.drove.models.api.OperationAccepted;
import dev.drove.models.api.SpecValidity;
import dev.drove.models.cluster.ClusterState;
import dev.drove.models.operation.TaskCreateOperation;
import dev.drove.models.operation.TaskOperation;
import dev.drove.models.task.TaskSpec;
import dev.drove.models.taskinstance.TaskInfo;
import dev.drove.models.validation.ContractReader;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code /apis/v1/tasks} (docs: apis/task.md, tasks/operations.md; contract Appendix A): task operations, spec
 * validation, the active tasks, one task by {@code {sourceAppName, taskId}}, deletion of a finished task's metadata
 * and the UI's search form. Bodies are taken as text whatever their Content-Type and read by ContractReader, so a bad
 * one is refused with every problem at once (400, "Command validation failure"). Operations and validations are
 * refused in maintenance mode.
 */
@Path("/apis/v1/tasks")
@Produces(MediaType.APPLICATION_JSON)
public final class TaskResource {
    private static final Logger log = LoggerFactory.getLogger(TaskResource.class);
    /** As for applications, the controller caps a task's arguments at 2048 characters once joined. */
    static final int MAX_JOINED_ARGS_LENGTH = 2048;

    private final TaskEngine engine;
    private final TaskStore tasks;
    private final ClusterStateStore clusterState;
    private final HostAccessRules hostAccess;
    private final ContractReader reader = ContractReader.standard();

    @Inject
    TaskResource(TaskEngine engine, TaskStore tasks, ClusterStateStore clusterState, HostAccessRules hostAccess) {
        this.engine = engine;
        this.tasks = tasks;
        this.clusterState = clusterState;
        this.hostAccess = hostAccess;
    }

    /**
     * Creates or kills a task; answers {@code {taskId}}: {@code TEST_APP-T0012} for CREATE, {@code T0012} for KILL.
     * An instance (its token) may only CREATE tasks of its own app's name (403 otherwise).
     *
     * @param caller who calls; null when the call did not pass the auth filter (tests)
     */
    @POST
    @Path("/operations")
    @RolesAllowed({Roles.READ_WRITE, Roles.INSTANCE})
    public ApiResponse<OperationAccepted> submit(@Context SecurityContext caller, String body) {
        refuseInMaintenance();
        var reading = reader.read(body, TaskOperation.class);
        reading.value().ifPresent(operation -> InstanceCaller.of(caller)
                .ifPresent(instance -> instance.requireMayRun(operation)));
        var errors = new ArrayList<>(reading.report().errors());
        reading.value().filter(TaskCreateOperation.class::isInstance).map(TaskCreateOperation.class::cast)
                .filter(create -> create.spec() != null)
                .ifPresent(create -> errors.addAll(controllerChecks("spec.", create.spec())));
        if (!errors.isEmpty()) {
            throw new CommandValidationException(errors);
        }
        var operation = reading.value().orElseThrow();
        var taskId = engine.submit(operation);
        log.info("Accepted {} of task {} of {}", operation.operationType(), operation.taskId(),
                operation.sourceAppName());
        return ApiResponse.success(OperationAccepted.forTask(taskId));
    }

    /** Checks a TaskSpec without running anything: {@code {valid: true[, warnings]}} or a 400. */
    @POST
    @Path("/validate/spec")
    public ApiResponse<SpecValidity> validateSpec(String body) {
        refuseInMaintenance();
        var reading = reader.read(body, TaskSpec.class);
        var errors = new ArrayList<>(reading.report().errors());
        reading.value().ifPresent(spec -> errors.addAll(controllerChecks("", spec)));
        if (!errors.isEmpty()) {
            throw new CommandValidationException(errors);
        }
        return ApiResponse.validSpec(reading.report().warnings());
    }

    /** The tasks that have not ended (not STOPPED or LOST), by source application, then taskId. */
    @GET
    public ApiResponse<List<TaskInfo>> activeTasks() {
        return ApiResponse.success(tasks.all().stream().filter(task -> !task.state().isTerminal()).toList());
    }

    /** One task, running or finished (until its metadata is deleted or goes stale). */
    @GET
    @Path("/{sourceAppName}/instances/{taskId}")
    @RolesAllowed({Roles.ANY_USER, Roles.INSTANCE})
    public ApiResponse<TaskInfo> task(@PathParam("sourceAppName") String sourceAppName,
                                      @PathParam("taskId") String taskId) {
        return ApiResponse.success(tasks.find(sourceAppName, taskId).orElseThrow(
                () -> ApiException.notFound("Task %s of %s not found", taskId, sourceAppName)));
    }

    /**
     * Deletes a finished task's metadata: {@code {deleted: true}}. A task that has not ended is kept (409) and an
     * unknown one is 404, both as {@code FAILED} with {@code {deleted: false}}.
     */
    @DELETE
    @Path("/{sourceAppName}/instances/{taskId}")
    public Response delete(@PathParam("sourceAppName") String sourceAppName, @PathParam("taskId") String taskId) {
        var task = tasks.find(sourceAppName, taskId);
        if (task.isEmpty()) {
            return notDeleted(Response.Status.NOT_FOUND, "Task " + taskId + " of " + sourceAppName + " not found");
        }
        if (!task.get().state().isTerminal()) {
            return notDeleted(Response.Status.CONFLICT, "Task " + taskId + " of " + sourceAppName + " is "
                    + task.get().state() + "; kill it and wait for STOPPED before deleting it");
        }
        tasks.delete(sourceAppName, taskId);
        log.info("Deleted the metadata of task {} of {}", taskId, sourceAppName);
        return Response.ok(ApiResponse.success(Map.of("deleted", true))).build();
    }

    /** The UI's search form: 303 to the page {@code /tasks/{sourceAppName}/{taskId}} when the task exists, else /. */
    @POST
    @Path("/search")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response search(@FormParam("taskSearchAppName") String sourceAppName,
                           @FormParam("taskSearchTaskID") String taskId) {
        var found = sourceAppName != null && taskId != null
                && tasks.find(sourceAppName.trim(), taskId.trim()).isPresent();
        return Response.seeOther(URI.create(found ? "/tasks/" + sourceAppName.trim() + "/" + taskId.trim() : "/"))
                .build();
    }

    /**
     * Rules the controller enforces beyond the model's: the joined length of {@code args}, and the host directories
     * and devices this cluster allows ({@link HostAccessRules}).
     */
    List<String> controllerChecks(String prefix, TaskSpec spec) {
        var problems = new ArrayList<String>();
        var joined = String.join(" ", spec.args()).length();
        if (joined > MAX_JOINED_ARGS_LENGTH) {
            problems.add("%sargs must be at most %d characters when joined with spaces, not %d"
                    .formatted(prefix, MAX_JOINED_ARGS_LENGTH, joined));
        }
        problems.addAll(hostAccess.problems(prefix, spec));
        return problems;
    }

    private void refuseInMaintenance() {
        if (clusterState.state() == ClusterState.MAINTENANCE) {
            throw ApiException.badRequest("Cluster is in maintenance mode; task operations and spec validations are "
                    + "refused until POST /apis/v1/cluster/maintenance/unset");
        }
    }

    private static Response notDeleted(Response.Status status, String why) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ApiResponse.failure(Map.of("deleted", false), why)).build();
    }
}
