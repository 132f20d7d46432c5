package dev.drove.controller.blacklist;

import dev.drove.controller.events.EventFactory;
import dev.drove.models.events.DroveEventType;
import dev.drove.models.events.ExecutorEvent;
import dev.drove.models.info.nodedata.ExecutorState;

import java.util.Date;
import java.util.Objects;

/**
 * One executor in the controller's blacklist book, stored at {@code /blacklist/{executorId}}.
 *
 * @param state     BLACKLIST_REQUESTED while its application instances are moved away, then BLACKLISTED
 * @param hostname  where the executor listened when it was blacklisted, so events can name it while it is away
 * @param port      likewise
 * @param requested when blacklisting was asked for
 * @param updated   when the state last changed
 */
record BlacklistEntry(String executorId, ExecutorState state, String hostname, int port, Date requested,
                      Date updated) {
    BlacklistEntry {
        Objects.requireNonNull(executorId, "executorId");
        Objects.requireNonNull(state, "state");
        if (!state.isBlacklisted()) {
            throw new IllegalArgumentException("A blacklist entry is BLACKLIST_REQUESTED or BLACKLISTED, not "
                    + state + " (executor " + executorId + ")");
        }
    }

    /** Whether its application instances are still being moved away. */
    boolean isMoving() {
        return state == ExecutorState.BLACKLIST_REQUESTED;
    }

    /**
     * The EXECUTOR_BLACKLIST_REQUESTED, EXECUTOR_BLACKLISTED or EXECUTOR_UN_BLACKLISTED event about this executor,
     * with the contract's metadata: EXECUTOR_ID, HOSTNAME, PORT, and BLACKLISTED (false only for the last).
     */
    ExecutorEvent event(DroveEventType type) {
        return EventFactory.executorEvent(type, executorId, hostname, port,
                type != DroveEventType.EXECUTOR_UN_BLACKLISTED);
    }

    /** The same executor, its instances moved away, at {@code now}. */
    BlacklistEntry confirmed(Date now) {
        return new BlacklistEntry(executorId, ExecutorState.BLACKLISTED, hostname, port, requested, now);
    }
}
