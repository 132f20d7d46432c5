package dev.drove.controller.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The instance tokens the controller signs (HS512 JWT) and reads back (docs: cluster/setup/controller.md). */
class InstanceTokensTest {
    private static final String SECRET = "bd2SIgz9OMPG2L8wA6zxj21oLVLbuLFC";
    private final InstanceTokens tokens = InstanceTokens.of(new InstanceAuthConfig(SECRET));

    @Test
    void anApplicationInstanceTokenCarriesTheDocumentedClaimsSignedWithHs512() {
        var token = tokens.forApplication("TEST_APP-1", "TEST_APP", "AI-1", "exec-1");

        var jwt = JWT.decode(token);
        assertThat(jwt.getAlgorithm()).isEqualTo("HS512");
        assertThat(jwt.getIssuer()).isEqualTo("drove");
        assertThat(jwt.getSubject()).isEqualTo("AI-1");
        assertThat(jwt.getClaim("role").asString()).isEqualTo(Roles.INSTANCE);
        assertThat(jwt.getClaim("appId").asString()).isEqualTo("TEST_APP-1");
        assertThat(jwt.getClaim("appName").asString()).isEqualTo("TEST_APP");
        assertThat(jwt.getClaim("executorId").asString()).isEqualTo("exec-1");
        assertThat(jwt.getExpiresAt()).as("valid while the instance lives").isNull();
    }

    @Test
    void tokensAreReadBackAsTheirInstanceByAnyControllerWithTheSameSecret() throws Exception {
        var otherController = InstanceTokens.of(new InstanceAuthConfig(SECRET));

        assertThat(otherController.read(tokens.forApplication("TEST_APP-1", "TEST_APP", "AI-1", "exec-1")))
                .isEqualTo(new InstanceCaller("AI-1", InstanceCaller.Kind.APPLICATION, "TEST_APP-1", "TEST_APP",
                        "exec-1"));
        assertThat(otherController.read(tokens.forLocalService("LS-1", "LS", "SI-1", "exec-2")))
                .isEqualTo(new InstanceCaller("SI-1", InstanceCaller.Kind.LOCAL_SERVICE, "LS-1", "LS", "exec-2"));
    }

    static Stream<Arguments> refusedTokens() {
        var good = InstanceTokens.of(new InstanceAuthConfig(SECRET)).forApplication("A-1", "A", "AI-1", "e");
        var parts = good.split("\\.");
        var forgedPayload = Base64.getUrlEncoder().withoutPadding().encodeToString("""
                {"iss": "drove", "sub": "AI-1", "role": "DROVE_APPLICATION_INSTANCE", "appId": "OTHER-1",
                 "appName": "OTHER"}""".getBytes(StandardCharsets.UTF_8));
        var secret = Algorithm.HMAC512(SECRET.getBytes(StandardCharsets.UTF_8));
        return Stream.of(
                Arguments.of("signed with another secret", InstanceTokens.withRandomSecret()
                        .forApplication("A-1", "A", "AI-1", "e"), "instanceAuth secret"),
                Arguments.of("payload changed after signing", parts[0] + "." + forgedPayload + "." + parts[2],
                        "instanceAuth secret"),
                Arguments.of("expired", JWT.create().withIssuer("drove").withSubject("AI-1")
                        .withClaim("role", Roles.INSTANCE).withClaim("appId", "A-1").withClaim("appName", "A")
                        .withExpiresAt(Instant.now().minusSeconds(60)).sign(secret), "expired"),
                Arguments.of("unsigned (alg none)", JWT.create().withIssuer("drove").withSubject("AI-1")
                        .withClaim("role", Roles.INSTANCE).withClaim("appId", "A-1").withClaim("appName", "A")
                        .sign(Algorithm.none()), "not a Drove instance token"),
                Arguments.of("another issuer", JWT.create().withIssuer("someone").withSubject("AI-1")
                        .withClaim("role", Roles.INSTANCE).withClaim("appId", "A-1").withClaim("appName", "A")
                        .sign(secret), "not a Drove instance token"),
                Arguments.of("no instance role", JWT.create().withIssuer("drove").withSubject("AI-1")
                        .withClaim("appId", "A-1").withClaim("appName", "A").sign(secret),
                        "not a Drove instance token"),
                Arguments.of("names no app or service", JWT.create().withIssuer("drove").withSubject("AI-1")
                        .withClaim("role", Roles.INSTANCE).sign(secret), "names no instance"),
                Arguments.of("not a JWT", "hello", "not a Drove instance token"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedTokens")
    void aTokenThisClusterDidNotSignAsIsIsRefused(String name, String token, String reason) {
        assertThatThrownBy(() -> tokens.read(token)).isInstanceOf(AuthenticationFailure.class)
                .hasMessageContaining(reason)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(token));
    }

    @Test
    void withoutAConfiguredSecretEachControllerSignsWithItsOwnRandomOne() {
        var first = InstanceTokens.of(InstanceAuthConfig.DEFAULTS);
        var second = InstanceTokens.of(InstanceAuthConfig.DEFAULTS);

        var token = first.forApplication("A-1", "A", "AI-1", "e");

        assertThatThrownBy(() -> second.read(token)).isInstanceOf(AuthenticationFailure.class);
    }
}
