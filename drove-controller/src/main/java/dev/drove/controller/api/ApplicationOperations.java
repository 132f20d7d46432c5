package dev.drove.controller.api;

import dev.drove.models.application.ApplicationState;
import dev.drove.models.operation.ApplicationOperation;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the API needs of the application engine: submit and cancel operations, and read an application's state. The
 * controller binds it to the engine of {@code dev.drove.controller.operations}; tests use a recording fake.
 */
public interface ApplicationOperations {

    /**
     * Starts {@code operation}, which has already been read and validated.
     *
     * @return the id of the application it acts on
     * @throws dev.drove.common.errors.ApiException with 404 (unknown application) or 409 (an operation is running,
     *                                              the application exists, the state forbids it) and a sentence
     */
    String submit(ApplicationOperation operation);

    /** Cancels the operation running on {@code appId}; false when none was running. */
    boolean cancel(String appId);

    /** The application's state-machine state; empty when the engine does not know the application. */
    Optional<ApplicationState> state(String appId);

    /**
     * A number that moves whenever a {@link #state} answer may have changed other than through the
     * {@link dev.drove.controller.statestore.ApplicationStore} (whose own stamp covers what it holds), so the API may
     * keep views built from states until it moves; empty when it cannot tell, and then views are built every time.
     */
    default OptionalLong stateStamp() {
        return OptionalLong.empty();
    }
}
