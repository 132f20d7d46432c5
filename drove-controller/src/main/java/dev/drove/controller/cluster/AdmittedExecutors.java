package dev.drove.controller.cluster;

import dev.drove.models.info.nodedata.ExecutorNodeData;

import java.util.List;
import java.util.Optional;

/**
 * Whether an executor has proved it holds the executor cluster secret (an authenticated message came from it), so
 * that the API may count it. Only the leader answers for real ({@link ExecutorTracker}); tests may use a stand-in.
 */
@FunctionalInterface
public interface AdmittedExecutors {
    boolean isAdmitted(String executorId);

    /**
     * The admitted executors that are in the cluster, as this controller last saw them (their entries with later
     * reports laid over), ordered by entry name ({@code hostname-port}) as ZooKeeper lists them; empty when this
     * controller keeps no such view (it does not lead, or has not read the executors yet in this term), so that the
     * caller reads the entries from ZooKeeper instead. The leader's API answers from it without a ZooKeeper read.
     */
    default Optional<List<ExecutorNodeData>> known() {
        return Optional.empty();
    }
}
