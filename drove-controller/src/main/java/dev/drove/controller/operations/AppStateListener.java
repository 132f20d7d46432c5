package dev.drove.controller.operations;

import dev.drove.models.application.ApplicationInfo;
import dev.drove.models.application.ApplicationState;

/**
 * Told every time an application changes state on this leader, after the change is stored (for APP_STATE_CHANGE
 * events). Called on the operation's thread; it must return quickly and not call back into the engine.
 */
public interface AppStateListener {

    /**
     * @param application the application as stored at the change (for DESTROYED: as it was before deletion)
     * @param previous    its previous state; null when it was just created (INIT)
     * @param current     its new state
     */
    void stateChanged(ApplicationInfo application, ApplicationState previous, ApplicationState current);
}
