package dev.drove.executor;

import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Environment;

/** Entry point of the Drove executor: {@code java -jar drove-executor.jar server config.yml}. */
public final class ExecutorApplication extends Application<ExecutorConfiguration> {

    public static void main(String[] args) throws Exception {
        new ExecutorApplication().run(args);
    }

    @Override
    public String getName() {
        return "drove-executor";
    }

    @Override
    public void run(ExecutorConfiguration configuration, Environment environment) {
        // Wired feature by feature as the services are built.
    }
}
