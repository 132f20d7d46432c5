package dev.drove.models.info.nodedata;

/** Whether an executor takes new work (contract §2.9; docs: cluster/maintenance.md "Executor blacklisting"). */
public enum ExecutorState {
    /** Takes new instances and tasks. */
    ACTIVE,
    /** Blacklisting was asked for; application instances are being moved away. */
    BLACKLIST_REQUESTED,
    /** Out of rotation: nothing new is placed here. */
    BLACKLISTED,
    /** Started but not yet ready to take work. */
    UNREADY,
    /** Gone from the cluster. */
    REMOVED;

    /** Whether the executor is, or is being taken, out of rotation: the docs' {@code "blacklisted"} flag. */
    public boolean isBlacklisted() {
        return this == BLACKLIST_REQUESTED || this == BLACKLISTED;
    }
}
