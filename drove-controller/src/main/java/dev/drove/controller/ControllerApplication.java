package dev.drove.controller;

import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Environment;

/** Entry point of the Drove controller: {@code java -jar drove-controller.jar server config.yml}. */
public final class ControllerApplication extends Application<ControllerConfiguration> {

    public static void main(String[] args) throws Exception {
        new ControllerApplication().run(args);
    }

    @Override
    public String getName() {
        return "drove-controller";
    }

    @Override
    public void run(ControllerConfiguration configuration, Environment environment) {
        // Wired feature by feature as the services are built.
    }
}
