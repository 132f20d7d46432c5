package dev.drove.controller.statestore;

import dev.drove.common.zookeeper.ZkJsonStore;
import dev.drove.common.zookeeper.ZkPaths;
import dev.drove.models.application.ApplicationInfo;
import org.apache.curator.framework.CuratorFramework;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;

/** Applications in ZooKeeper: {@code /applications/{appId}} and {@code /appstate/{appId}}, read on every call. */
public final class ZkApplicationStore implements ApplicationStore {
    /** {@code /appstate/{appId}}: {@link AppRuntimeInfo}. Ours; the original kept this only in memory. */
    public static final String APP_STATE = "/appstate";

    private static final Logger log = LoggerFactory.getLogger(ZkApplicationStore.class);

    private final ZkDocuments<ApplicationInfo> applications;
    private final ZkDocuments<AppRuntimeInfo> runtimes;
    private final ZkInstanceStore instances;

    /** @param curator a started client; its namespace applies */
    public ZkApplicationStore(CuratorFramework curator) {
        var store = new ZkJsonStore(curator);
        this.applications = new ZkDocuments<>(store, ZkPaths.APPLICATIONS, ApplicationInfo.class);
        this.runtimes = new ZkDocuments<>(store, APP_STATE, AppRuntimeInfo.class);
        this.instances = new ZkInstanceStore(curator);
    }

    @Override
    public void save(ApplicationInfo application) {
        applications.save(application.appId(), application);
    }

    @Override
    public Optional<ApplicationInfo> find(String appId) {
        return applications.find(appId);
    }

    @Override
    public List<ApplicationInfo> all() {
        return applications.all();
    }

    @Override
    public void saveRuntime(AppRuntimeInfo runtime) {
        runtimes.save(runtime.appId(), runtime);
    }

    @Override
    public Optional<AppRuntimeInfo> findRuntime(String appId) {
        return runtimes.find(appId);
    }

    @Override
    public List<AppRuntimeInfo> runtimes() {
        return runtimes.all();
    }

    @Override
    public void delete(String appId) {
        instances.deleteAll(appId);
        runtimes.delete(appId);
        applications.delete(appId);
        log.info("Removed application {}, its state and its instances from ZooKeeper", appId);
    }
}
