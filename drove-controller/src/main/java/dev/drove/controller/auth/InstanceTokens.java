package dev.drove.controller.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.exceptions.SignatureVerificationException;
import com.auth0.jwt.exceptions.TokenExpiredException;
import com.auth0.jwt.interfaces.DecodedJWT;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;

/**
 * Signs and reads the token each instance receives as {@code DROVE_APP_INSTANCE_AUTH_TOKEN} (docs: cluster/setup/
 * controller.md, "Instance Authentication Configuration"): an HS512 JWT with the {@code instanceAuth.secret}.
 *
 * <pre>
 * iss: "drove"   sub: instanceId   role: DROVE_APPLICATION_INSTANCE   iat: when signed   executorId
 * application:   appId, appName
 * local service: serviceId, serviceName
 * </pre>
 * A token has no expiry: it is valid as long as its instance lives, which {@link InstanceAuthenticator} checks on
 * every call. Without a configured secret each controller start draws a random one, so tokens signed by one leader
 * are refused by the next.
 */
public final class InstanceTokens {
    private static final Logger log = LoggerFactory.getLogger(InstanceTokens.class);
    static final String ISSUER = "drove";
    static final String ROLE = "role";
    static final String APP_ID = "appId";
    static final String APP_NAME = "appName";
    static final String SERVICE_ID = "serviceId";
    static final String SERVICE_NAME = "serviceName";
    static final String EXECUTOR_ID = "executorId";

    private final Algorithm algorithm;
    private final JWTVerifier verifier;

    private InstanceTokens(byte[] secret) {
        this.algorithm = Algorithm.HMAC512(secret);
        this.verifier = JWT.require(algorithm).withIssuer(ISSUER).withClaim(ROLE, Roles.INSTANCE).build();
    }

    /** Tokens signed with the configured secret, or with a random one (and a warning) when none is set. */
    public static InstanceTokens of(InstanceAuthConfig config) {
        if (config.secret() == null || config.secret().isBlank()) {
            log.warn("instanceAuth.secret is not set: instance tokens are signed with a random secret and stop "
                    + "working when another controller becomes leader; set it in production");
            return withRandomSecret();
        }
        return new InstanceTokens(config.secret().getBytes(StandardCharsets.UTF_8));
    }

    /** Tokens no other controller can read: for tests and for clusters without {@code instanceAuth.secret}. */
    public static InstanceTokens withRandomSecret() {
        var secret = new byte[64];
        new SecureRandom().nextBytes(secret);
        return new InstanceTokens(secret);
    }

    /** The token of application instance {@code instanceId} of {@code appId}, started on {@code executorId}. */
    public String forApplication(String appId, String appName, String instanceId, String executorId) {
        return JWT.create().withIssuer(ISSUER).withSubject(instanceId).withIssuedAt(Instant.now())
                .withClaim(ROLE, Roles.INSTANCE).withClaim(APP_ID, appId).withClaim(APP_NAME, appName)
                .withClaim(EXECUTOR_ID, executorId)
                .sign(algorithm);
    }

    /** The token of local service instance {@code instanceId} of {@code serviceId}, started on {@code executorId}. */
    public String forLocalService(String serviceId, String serviceName, String instanceId, String executorId) {
        return JWT.create().withIssuer(ISSUER).withSubject(instanceId).withIssuedAt(Instant.now())
                .withClaim(ROLE, Roles.INSTANCE).withClaim(SERVICE_ID, serviceId)
                .withClaim(SERVICE_NAME, serviceName).withClaim(EXECUTOR_ID, executorId)
                .sign(algorithm);
    }

    /**
     * The instance a token names, if this controller's secret signed it, it is not expired (when it has an expiry)
     * and it carries the claims above. Whether the instance still runs is not checked here.
     *
     * @throws AuthenticationFailure with a reason that repeats nothing of the token
     */
    InstanceCaller read(String token) throws AuthenticationFailure {
        DecodedJWT jwt;
        try {
            jwt = verifier.verify(token.trim());
        } catch (TokenExpiredException e) {
            throw new AuthenticationFailure(null, "Instance token refused: it has expired");
        } catch (SignatureVerificationException e) {
            throw new AuthenticationFailure(null, "Instance token refused: it was not signed with this cluster's "
                    + "instanceAuth secret");
        } catch (JWTVerificationException e) {
            throw new AuthenticationFailure(null, "Instance token refused: it is not a Drove instance token");
        }
        var instanceId = jwt.getSubject();
        var executorId = jwt.getClaim(EXECUTOR_ID).asString();
        var appId = jwt.getClaim(APP_ID).asString();
        var appName = jwt.getClaim(APP_NAME).asString();
        var serviceId = jwt.getClaim(SERVICE_ID).asString();
        var serviceName = jwt.getClaim(SERVICE_NAME).asString();
        if (instanceId != null && appId != null && appName != null) {
            return new InstanceCaller(instanceId, InstanceCaller.Kind.APPLICATION, appId, appName, executorId);
        }
        if (instanceId != null && serviceId != null && serviceName != null) {
            return new InstanceCaller(instanceId, InstanceCaller.Kind.LOCAL_SERVICE, serviceId, serviceName,
                    executorId);
        }
        throw new AuthenticationFailure(instanceId, "Instance token refused: it names no instance and application");
    }
}
