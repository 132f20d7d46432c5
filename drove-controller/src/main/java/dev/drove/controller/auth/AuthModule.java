package dev.drove.controller.auth;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import dev.drove.controller.statestore.InstanceStore;
import dev.drove.controller.statestore.LocalServiceInstanceStore;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * Who may call the controller: the {@link ApiAuthFilter} (users and instance tokens) and the {@link InstanceTokens}
 * the engines sign instances' tokens with. {@link SiblingInstancesResource} is built from its {@code @Inject}
 * constructor. Needs the state store module.
 */
public final class AuthModule extends AbstractModule {
    private final UserAuthConfig userAuth;
    private final InstanceAuthConfig instanceAuth;
    private final boolean disableReadAuth;
    private final List<String> auditedHttpMethods;

    /**
     * @param disableReadAuth    the option of that name: reads need no credentials
     * @param auditedHttpMethods the option of that name: calls logged with their caller
     */
    public AuthModule(UserAuthConfig userAuth, InstanceAuthConfig instanceAuth, boolean disableReadAuth,
                      List<String> auditedHttpMethods) {
        this.userAuth = userAuth;
        this.instanceAuth = instanceAuth;
        this.disableReadAuth = disableReadAuth;
        this.auditedHttpMethods = List.copyOf(auditedHttpMethods);
    }

    @Provides
    @Singleton
    InstanceTokens instanceTokens() {
        return InstanceTokens.of(instanceAuth);
    }

    @Provides
    @Singleton
    ApiAuthFilter apiAuthFilter(InstanceTokens tokens, InstanceStore instances,
                                LocalServiceInstanceStore serviceInstances) {
        return new ApiAuthFilter(userAuth, disableReadAuth, auditedHttpMethods,
                new InstanceAuthenticator(tokens, instances, serviceInstances));
    }
}
