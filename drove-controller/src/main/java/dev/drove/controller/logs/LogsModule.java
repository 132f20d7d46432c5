package dev.drove.controller.logs;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import dev.drove.common.http.ClusterHttpClient;
import dev.drove.controller.cluster.ExecutorTracker;
import jakarta.inject.Singleton;

/**
 * The log file API's wiring: {@link LogFileResource} reads through {@link ExecutorLogFiles}, which finds executors
 * with the {@link ExecutorTracker} and calls them with the controller's {@link ClusterHttpClient}. Needs the state
 * store and cluster modules.
 */
public final class LogsModule extends AbstractModule {

    @Provides
    @Singleton
    ExecutorLogFiles executorLogFiles(ClusterHttpClient client, ExecutorTracker tracker) {
        return new ExecutorLogFiles(client, tracker::address);
    }
}
