package dev.drove.controller.leadership;

/**
 * Told when this controller becomes or stops being the leader. Calls alternate, starting with
 * {@link #leadershipAcquired()}, and arrive one at a time on the election's own thread, so an implementation must
 * return quickly: start or stop leader-only work there, and run anything long (loading state, recovering
 * applications) on a thread of its own.
 */
public interface LeadershipListener {

    /** This controller now leads: start the work only the leader does. */
    void leadershipAcquired();

    /**
     * This controller no longer leads (another took over, ZooKeeper is unreachable, or it is shutting down): stop
     * leader-only work now, because another controller may already be doing it.
     */
    void leadershipLost();
}
