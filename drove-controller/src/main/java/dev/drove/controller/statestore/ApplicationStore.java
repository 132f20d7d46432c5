package dev.drove.controller.statestore;

import dev.drove.models.application.ApplicationInfo;

import java.util.List;
import java.util.Optional;

/**
 * Applications: their {@link ApplicationInfo} ({@code /applications/{appId}}) and their {@link AppRuntimeInfo}
 * ({@code /appstate/{appId}}). Reads never throw for a missing application; each save replaces one document whole.
 */
public interface ApplicationStore extends ChangeStamped {

    /** Creates or replaces the application's info. */
    void save(ApplicationInfo application);

    Optional<ApplicationInfo> find(String appId);

    /** Every application, ordered by appId. */
    List<ApplicationInfo> all();

    /** Creates or replaces the application's state and current operation. */
    void saveRuntime(AppRuntimeInfo runtime);

    Optional<AppRuntimeInfo> findRuntime(String appId);

    /** The runtime info of every application that has one, ordered by appId: what a new leader resumes. */
    List<AppRuntimeInfo> runtimes();

    /**
     * Removes everything stored for the application: its instances first, then its runtime info, then its info, so
     * an application whose removal was interrupted is still listed and can be removed again. Nothing happens for an
     * unknown application.
     */
    void delete(String appId);
}
