package dev.drove.controller.statestore;

import dev.drove.models.application.ApplicationState;
import dev.drove.models.operation.ApplicationOperation;

import java.util.Date;
import java.util.Objects;

/**
 * Where an application's life stands, kept beside its {@link dev.drove.models.application.ApplicationInfo} at
 * {@code /appstate/{appId}} so that a new leader can resume (or fail) what the previous leader was doing. It is
 * ours, not the original's: {@code /applications/{appId}} keeps the original's ApplicationInfo shape.
 *
 * @param appId             the application
 * @param state             its state-machine state (docs: applications/index.md, "Application State Machine")
 * @param expectedInstances how many instances it should run once the current operation is done
 * @param currentOperation  the operation being carried out, or null when none is
 * @param updated           when this was last written
 */
public record AppRuntimeInfo(String appId,
                             ApplicationState state,
                             long expectedInstances,
                             ApplicationOperation currentOperation,
                             Date updated) {
    public AppRuntimeInfo {
        Objects.requireNonNull(appId, "appId is required");
        Objects.requireNonNull(state, "state is required");
        if (expectedInstances < 0) {
            throw new IllegalArgumentException("expectedInstances must not be negative, not " + expectedInstances);
        }
    }

    /** Whether an operation is in flight. */
    public boolean hasOperation() {
        return currentOperation != null;
    }

    /** The same application in {@code next} state, updated at {@code now}. */
    public AppRuntimeInfo withState(ApplicationState next, Date now) {
        return new AppRuntimeInfo(appId, next, expectedInstances, currentOperation, now);
    }

    /** The same application now carrying out {@code operation} (null: none), updated at {@code now}. */
    public AppRuntimeInfo withOperation(ApplicationOperation operation, Date now) {
        return new AppRuntimeInfo(appId, state, expectedInstances, operation, now);
    }

    /** The same application expected to run {@code count} instances, updated at {@code now}. */
    public AppRuntimeInfo withExpectedInstances(long count, Date now) {
        return new AppRuntimeInfo(appId, state, count, currentOperation, now);
    }
}
