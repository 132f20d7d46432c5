package dev.drove.controller.cluster;

/**
 * Whether an executor has proved it holds the executor cluster secret (an authenticated message came from it), so
 * that the API may count it. Only the leader answers for real ({@link ExecutorTracker}); tests may use a stand-in.
 */
@FunctionalInterface
public interface AdmittedExecutors {
    boolean isAdmitted(String executorId);
}
