package dev.drove.executor.instances;

/**
 * Who this executor is, as the instances it runs report it: the id every {@code InstanceInfo}/{@code TaskInfo} carries
 * and the container label {@code drove.executor.id} holds, and the hostname injected as {@code HOST} and
 * {@code DROVE_EXECUTOR_HOST} and published in {@code localInfo.hostname}.
 *
 * @param executorId the stable executor id ({@code ExecutorId.of(hostname, port)})
 * @param hostname   the name the cluster reaches this executor by
 */
public record ExecutorIdentity(String executorId, String hostname) {
    public ExecutorIdentity {
        if (executorId == null || executorId.isBlank()) {
            throw new IllegalArgumentException("An executor needs an id");
        }
        if (hostname == null || hostname.isBlank()) {
            throw new IllegalArgumentException("An executor needs a hostname");
        }
    }
}
