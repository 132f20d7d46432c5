package dev.drove.controller.blacklist;

import dev.drove.common.messages.ExecutorAddress;
import dev.drove.common.messages.ExecutorMessage;
import dev.drove.common.messages.MessageResponse;
import dev.drove.models.info.nodedata.ExecutorNodeData;
import dev.drove.models.info.nodedata.ExecutorState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Brings what each executor publishes about itself in line with the book, by BLACKLIST and UNBLACKLIST messages
 * (contract §4): an executor the book has BLACKLISTED must publish BLACKLISTED, one outside the book must publish
 * ACTIVE. An executor whose instances are still being moved (BLACKLIST_REQUESTED) is not told yet, so that it shows
 * BLACKLISTED only once it can be taken down. Each message is sent once per call and never retried here: the next
 * {@link #reconcile} sends it again if the executor still disagrees (it was away, or restarted and forgot).
 */
final class RotationSync {
    private static final Logger log = LoggerFactory.getLogger(RotationSync.class);

    private final Function<ExecutorMessage, MessageResponse> sender;

    /** @param sender delivers one message to the executor it is addressed to, answering FAILED when it cannot */
    RotationSync(Function<ExecutorMessage, MessageResponse> sender) {
        this.sender = sender;
    }

    /** Tells every executor in {@code executors} (as last published) that disagrees with {@code book}. */
    void reconcile(List<ExecutorNodeData> executors, BlacklistBook book) {
        for (var executor : executors) {
            if (executor.state() == null || executor.state().executorId() == null) {
                continue;
            }
            var entry = book.find(executor.state().executorId());
            var published = executor.executorState();
            if (entry.isPresent() && entry.get().state() == ExecutorState.BLACKLISTED && !published.isBlacklisted()) {
                tell(executor, true);
            } else if (entry.isEmpty() && published.isBlacklisted()) {
                tell(executor, false);
            }
        }
    }

    /** Sends BLACKLIST ({@code blacklisted}) or UNBLACKLIST to {@code executor}; returns whether it took it. */
    boolean tell(ExecutorNodeData executor, boolean blacklisted) {
        var address = ExecutorAddress.of(executor);
        ExecutorMessage message = blacklisted ? ExecutorMessage.blacklist(address)
                : ExecutorMessage.unblacklist(address);
        var answer = sender.apply(message);
        if (answer.isSuccessful()) {
            log.info("Executor {} ({}:{}) was told it is {}", address.executorId(), address.hostname(),
                    address.port(), blacklisted ? "BLACKLISTED" : "ACTIVE again");
            return true;
        }
        log.warn("Executor {} ({}:{}) did not take {}: {}; it is told again on the next pass", address.executorId(),
                address.hostname(), address.port(), message.type(), answer.message());
        return false;
    }

    /** The executor with {@code executorId} among {@code executors}, if present. */
    static Optional<ExecutorNodeData> find(List<ExecutorNodeData> executors, String executorId) {
        return executors.stream()
                .filter(e -> e.state() != null && executorId.equals(e.state().executorId()))
                .findFirst();
    }
}
