package dev.drove.controller.statestore;

import java.util.OptionalLong;

/**
 * A store that can tell callers when what it answers may have changed, so they may keep what they derived from its
 * reads (the API's application listing) instead of deriving it again on every call.
 */
public interface ChangeStamped {

    /**
     * A number that moves whenever what this store's reads answer may have changed, so a caller may keep what it
     * derived from them until it moves; empty when the store cannot tell (it reads ZooKeeper on every call, where
     * others may change it unseen), and then nothing derived may be kept. Read it before the reads it stamps.
     */
    default OptionalLong changeStamp() {
        return OptionalLong.empty();
    }
}
