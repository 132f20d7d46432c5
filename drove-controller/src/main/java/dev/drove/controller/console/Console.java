package dev.drove.controller.console;

import dev.drove.controller.auth.UserAuthConfig;
import io.dropwizard.jersey.setup.JerseyEnvironment;

/**
 * Everything the web console registers with Jersey, so the application wires it in one line:
 * {@code new Console(config.getUserAuth()).registerWith(environment.jersey())}. The console lives at {@code /} beside
 * the API, so Jersey's root path must stay {@code /*}, Dropwizard's default.
 */
public final class Console {
    private final UserAuthConfig userAuth;

    public Console(UserAuthConfig userAuth) {
        this.userAuth = userAuth;
    }

    /** Registers the page and its assets, and the session call. */
    public void registerWith(JerseyEnvironment jersey) {
        jersey.register(new ConsoleAssets());
        jersey.register(new SessionResource(userAuth.enabled()));
    }
}
