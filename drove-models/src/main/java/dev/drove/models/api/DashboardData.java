package dev.drove.models.api;

import dev.drove.models.taskinstance.TaskInfo;
import dev.drove.models.info.nodedata.ExecutorState;

import java.util.Collections;
import java.util.Date;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the UI's dashboard shows, {@code GET /apis/v1/cluster/dashboard} (contract §2.8), computed by the leader
 * at {@code generatedAt}.
 *
 * <p>Counts by application, task, local-service and activation state are keyed by the state's name, and
 * {@code topTasks} holds TaskInfo documents as JSON trees: those types are spec-side and not in this module yet; the
 * lead switches the key and element types once they are.
 */
public record DashboardData(ClusterSummary clusterSummary,
                            AppStats appStats,
                            TaskStats taskStats,
                            ServiceStats serviceStats,
                            ExecutorStats executorStats,
                            Date generatedAt) {

    /** Applications by state, the top few by size, and their healthy instances in total. */
    public record AppStats(Map<String, Long> appCountByState, List<AppSummary> topApps, long totalHealthyInstances) {
        public AppStats {
            appCountByState = countsCopy(appCountByState);
            topApps = topApps == null ? List.of() : List.copyOf(topApps);
        }
    }

    /** Tasks by state and the most recent few. */
    public record TaskStats(Map<String, Long> taskCountByState, List<TaskInfo> topTasks) {
        public TaskStats {
            taskCountByState = countsCopy(taskCountByState);
            topTasks = topTasks == null ? List.of() : List.copyOf(topTasks);
        }
    }

    /** Local services by state and by activation state, the top few, and their healthy instances in total. */
    public record ServiceStats(Map<String, Long> serviceCountByState,
                               Map<String, Long> serviceCountByActivationState,
                               List<LocalServiceSummary> topServices,
                               long totalHealthyInstances) {
        public ServiceStats {
            serviceCountByState = countsCopy(serviceCountByState);
            serviceCountByActivationState = countsCopy(serviceCountByActivationState);
            topServices = topServices == null ? List.of() : List.copyOf(topServices);
        }
    }

    /** Executors by state, and how evenly they are used. */
    public record ExecutorStats(Map<ExecutorState, Long> executorCountByState, UtilizationStats utilization) {
        public ExecutorStats {
            var copy = new EnumMap<ExecutorState, Long>(ExecutorState.class);
            if (executorCountByState != null) {
                copy.putAll(executorCountByState);
            }
            executorCountByState = Collections.unmodifiableMap(copy);
        }
    }

    /**
     * Resource use of executors in percent: average, highest and lowest, and a balance score from 0 to 100 (higher
     * means more evenly spread).
     */
    public record UtilizationStats(double averageUtilization,
                                   double highestUtilization,
                                   double lowestUtilization,
                                   double balanceScore) {
    }

    private static Map<String, Long> countsCopy(Map<String, Long> counts) {
        return counts == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(counts));
    }
}
