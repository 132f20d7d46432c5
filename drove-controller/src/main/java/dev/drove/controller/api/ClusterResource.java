package dev.drove.controller.api;

import dev.drove.common.discovery.ExecutorId;
import dev.drove.common.discovery.NodeDataStore;
import dev.drove.common.errors.ApiException;
import dev.drove.controller.auth.Roles;
import dev.drove.controller.cluster.AdmittedExecutors;
import dev.drove.controller.scheduler.Blacklist;
import dev.drove.controller.maintenance.MaintenanceMode;
import dev.drove.controller.statestore.ApplicationStore;
import dev.drove.controller.statestore.LocalServiceStore;
import dev.drove.controller.statestore.TaskStore;
import dev.drove.models.api.ApiResponse;
import dev.drove.models.api.ClusterSummary;
import dev.drove.models.api.ExecutorSummary;
import dev.drove.models.cluster.ClusterStateData;
import dev.drove.models.info.nodedata.ExecutorNodeData;
import dev.drove.models.info.nodedata.ExecutorState;
import dev.drove.models.localservice.ActivationState;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/**
 * {@code /apis/v1/cluster} (docs: apis/cluster.md): the cluster summary, the executors as they last published
 * themselves, and maintenance mode. Cores and memory are summed from each executor's published resource state. Only
 * admitted executors count: one that published itself in ZooKeeper but never authenticated with the executor cluster
 * secret is in no list, sum or lookup ({@link AdmittedExecutors}).
 * Blacklisting ({@code /executors/blacklist} and the like) is served beside it by the blacklist feature's
 * BlacklistResource, on the same root path.
 */
@Path("/apis/v1/cluster")
@Produces(MediaType.APPLICATION_JSON)
public final class ClusterResource {
    private final NodeDataStore nodes;
    private final ApplicationStore applications;
    private final ApplicationViews views;
    private final TaskStore tasks;
    private final LocalServiceStore localServices;
    private final MaintenanceMode maintenance;
    private final AdmittedExecutors admitted;
    private final Blacklist blacklist;
    private final ClusterLeader leader;
    private volatile Totals lastTotals;

    @Inject
    ClusterResource(NodeDataStore nodes, ApplicationStore applications, ApplicationViews views, TaskStore tasks,
                    LocalServiceStore localServices, MaintenanceMode maintenance,
                    AdmittedExecutors admitted, Blacklist blacklist, ClusterLeader leader) {
        this.nodes = nodes;
        this.leader = leader;
        this.admitted = admitted;
        this.blacklist = blacklist;
        this.applications = applications;
        this.views = views;
        this.tasks = tasks;
        this.localServices = localServices;
        this.maintenance = maintenance;
    }

    /**
     * The cluster at a glance: the leader as {@code host:port} (absent while none is known), the mode, counts of
     * executors, applications (active: in ApplicationState's ACTIVE set), tasks that have not ended, local services
     * (active: activation state ACTIVE), and free, used and total cores and MB over all executors.
     */
    @GET
    public ApiResponse<ClusterSummary> summary() {
        var totals = totals(admittedExecutors());
        var services = localServices.all();
        return ApiResponse.success(new ClusterSummary(
                leader.name(),
                maintenance.state(),
                totals.executors(),
                applications.all().size(),
                views.activeCount(),
                (int) tasks.all().stream().filter(task -> task.state() != null && !task.state().isTerminal()).count(),
                services.size(),
                (int) services.stream().filter(service -> service.activationState() == ActivationState.ACTIVE)
                        .count(),
                totals.freeCores(), totals.usedCores(), totals.freeCores() + totals.usedCores(),
                totals.freeMemory(), totals.usedMemory(), totals.freeMemory() + totals.usedMemory()));
    }

    /** Cores and memory summed over a list of executors. */
    private record Totals(List<ExecutorNodeData> of, int executors, int freeCores, int usedCores, long freeMemory,
                          long usedMemory) {
    }

    /**
     * The sums over {@code executors}; the leader's tracker hands out the same list until an executor changes, so
     * the last sums are reused for it (counting every core of 1,000 executors was most of a summary's cost).
     */
    private Totals totals(List<ExecutorNodeData> executors) {
        var last = lastTotals;
        if (last != null && last.of() == executors) {
            return last;
        }
        int freeCores = 0;
        int usedCores = 0;
        long freeMemory = 0;
        long usedMemory = 0;
        for (var node : executors) {
            var resources = node.state();
            if (resources != null && resources.cpus() != null) {
                freeCores += resources.cpus().freeCoreCount();
                usedCores += resources.cpus().usedCoreCount();
            }
            if (resources != null && resources.memory() != null) {
                freeMemory += resources.memory().freeMB();
                usedMemory += resources.memory().usedMB();
            }
        }
        var totals = new Totals(executors, executors.size(), freeCores, usedCores, freeMemory, usedMemory);
        lastTotals = totals;
        return totals;
    }

    /** Every executor that is in the cluster, ordered as published. */
    @GET
    @Path("/executors")
    public ApiResponse<List<ExecutorSummary>> executors() {
        return ApiResponse.success(admittedExecutors().stream().map(this::summary).toList());
    }

    /** Everything one executor published: resources, instances, tasks, tags (404 for an unknown id). */
    @GET
    @Path("/executors/{executorId}")
    public ApiResponse<ExecutorNodeData> executor(@PathParam("executorId") String executorId) {
        return ApiResponse.success(admittedExecutors().stream()
                .filter(node -> executorId.equals(executorId(node)))
                .findFirst()
                .orElseThrow(() -> ApiException.notFound("Executor %s not found", executorId)));
    }

    /** Puts the cluster in maintenance mode (docs: cluster/maintenance.md) and answers the stored mode. */
    @POST
    @Path("/maintenance/set")
    @RolesAllowed(Roles.MAINTENANCE)
    public ApiResponse<ClusterStateData> setMaintenance() {
        return ApiResponse.success(maintenance.set());
    }

    /**
     * Takes the cluster out of maintenance mode and answers the stored mode; the controller still leaves the
     * executors alone for {@code maintenanceGracePeriod} ({@link MaintenanceMode}).
     */
    @POST
    @Path("/maintenance/unset")
    @RolesAllowed(Roles.MAINTENANCE)
    public ApiResponse<ClusterStateData> unsetMaintenance() {
        return ApiResponse.success(maintenance.unset());
    }

    /**
     * The published executors that have authenticated, in published order: the leader's own view of them when it has
     * one (no ZooKeeper read), else their entries in ZooKeeper.
     */
    private List<ExecutorNodeData> admittedExecutors() {
        return admitted.known().orElseGet(() -> nodes.executors().stream()
                .filter(node -> admitted.isAdmitted(executorId(node)))
                .toList());
    }

    /** The id an executor reports in its resource state, else the one derived from its host and port. */
    static String executorId(ExecutorNodeData node) {
        return node.state() != null && node.state().executorId() != null
                ? node.state().executorId() : ExecutorId.of(node.hostname(), node.port());
    }

    /**
     * The executor's summary with the state the controller's blacklist book gives it when it has a word on it: the
     * book is ahead of the executor (BLACKLIST_REQUESTED while its instances move away, ACTIVE as soon as it is
     * unblacklisted), as the scheduler also trusts it.
     */
    private ExecutorSummary summary(ExecutorNodeData node) {
        return executorSummary(node, blacklist.stateOf(executorId(node)).orElse(node.executorState()));
    }

    private static ExecutorSummary executorSummary(ExecutorNodeData node, ExecutorState state) {
        var resources = node.state();
        var cpus = resources == null ? null : resources.cpus();
        var memory = resources == null ? null : resources.memory();
        return new ExecutorSummary(executorId(node), node.hostname(), node.port(), node.transportType(),
                cpus == null ? 0 : cpus.freeCoreCount(), cpus == null ? 0 : cpus.usedCoreCount(),
                memory == null ? 0 : memory.freeMB(), memory == null ? 0 : memory.usedMB(),
                node.tags(), state);
    }
}
