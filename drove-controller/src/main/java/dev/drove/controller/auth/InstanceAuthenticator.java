package dev.drove.controller.auth;

import dev.drove.controller.statestore.InstanceStore;
import dev.drove.controller.statestore.LocalServiceInstanceStore;

/**
 * Tells which instance an {@code App-Instance-Authorization} token belongs to: the token must be one this cluster
 * signed ({@link InstanceTokens}), and its instance must still be known and not have ended (STOPPED or LOST). A token
 * thus lives exactly as long as its instance, with no expiry of its own.
 */
final class InstanceAuthenticator {
    private static final String LIVE = "live";
    private static final String UNKNOWN = "not known to the cluster";
    private final InstanceTokens tokens;
    private final InstanceStore instances;
    private final LocalServiceInstanceStore serviceInstances;

    InstanceAuthenticator(InstanceTokens tokens, InstanceStore instances, LocalServiceInstanceStore serviceInstances) {
        this.tokens = tokens;
        this.instances = instances;
        this.serviceInstances = serviceInstances;
    }

    /** @throws AuthenticationFailure the token is not valid, or its instance is gone or has ended */
    InstanceCaller authenticate(String token) throws AuthenticationFailure {
        var caller = tokens.read(token);
        var state = caller.kind() == InstanceCaller.Kind.APPLICATION
                ? instances.find(caller.ownerId(), caller.instanceId()).map(instance -> instance.state())
                .map(current -> current.isTerminal() ? current.name() : LIVE).orElse(UNKNOWN)
                : serviceInstances.find(caller.ownerId(), caller.instanceId()).map(instance -> instance.state())
                .map(current -> current.isTerminal() ? current.name() : LIVE).orElse(UNKNOWN);
        if (!LIVE.equals(state)) {
            throw new AuthenticationFailure(caller.describe(), "Instance token refused: " + caller.describe()
                    + " is " + state + "; a token is valid only while its instance runs");
        }
        return caller;
    }
}
