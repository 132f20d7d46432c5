package dev.drove.executor.checks;

import dev.drove.models.application.PortType;
import dev.drove.models.application.checks.CheckResult;
import dev.drove.models.application.checks.CheckResult.Status;
import dev.drove.models.application.checks.HTTPCheckModeSpec;
import dev.drove.models.common.HTTPVerb;
import dev.drove.models.common.Protocol;
import dev.drove.models.instance.InstancePort;
import io.dropwizard.util.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class HttpCheckerTest {
    private static final Duration TIMEOUT = Duration.seconds(5);
    /** The TLS handshake counts towards the connect timeout; the 1 s default is tight on a loaded 2-core machine. */
    private static final Duration HANDSHAKE_ALLOWANCE = Duration.seconds(5);

    private ScriptedServer server;

    @AfterEach
    void closeServer() {
        if (server != null) {
            server.close();
        }
    }

    static Stream<Arguments> answers() {
        return Stream.of(
                arguments("200 is the expected code", HTTPVerb.GET, Set.of(200), 200, Status.HEALTHY),
                arguments("204 is one of several success codes", HTTPVerb.GET, Set.of(200, 204), 204, Status.HEALTHY),
                arguments("500 is not a success code", HTTPVerb.GET, Set.of(200), 500, Status.UNHEALTHY),
                arguments("a redirect is judged, not followed", HTTPVerb.GET, Set.of(200), 302, Status.UNHEALTHY),
                arguments("503 passes when the spec lists it", HTTPVerb.GET, Set.of(503), 503, Status.HEALTHY),
                arguments("POST is judged by its code", HTTPVerb.POST, Set.of(201), 201, Status.HEALTHY),
                arguments("PUT with a code not listed fails", HTTPVerb.PUT, Set.of(200), 404, Status.UNHEALTHY));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("answers")
    void theCheckPassesExactlyWhenTheAnswerIsASuccessCodeAndSaysWhatWasAnswered(
            String name, HTTPVerb verb, Set<Integer> successCodes, int answer, Status expected) {
        server = ScriptedServer.http().answer("/health", answer);
        var spec = new HTTPCheckModeSpec(Protocol.HTTP, "main", "/health", verb, successCodes, null, null, false);

        CheckResult result = checker(spec, server.port(), TIMEOUT).check();

        assertThat(result).isEqualTo(new CheckResult(expected,
                verb + " http://localhost:" + server.port() + "/health answered " + answer));
        assertThat(server.requests()).extracting(ScriptedServer.Request::method).containsExactly(verb.name());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bodies")
    void theServerReceivesThePayloadOfPostAndPutButNothingWithGet(String name, HTTPVerb verb, String payload,
                                                                  String received) {
        server = ScriptedServer.http().answer("/drain", 200);
        var spec = new HTTPCheckModeSpec(Protocol.HTTP, "main", "/drain", verb, Set.of(200), payload, null, false);

        assertThat(checker(spec, server.port(), TIMEOUT).check().isHealthy()).isTrue();

        assertThat(server.requests()).containsExactly(new ScriptedServer.Request(verb.name(), "/drain", received));
    }

    static Stream<Arguments> bodies() {
        return Stream.of(
                arguments("POST sends the payload", HTTPVerb.POST, "{\"drain\":true}", "{\"drain\":true}"),
                arguments("PUT sends the payload", HTTPVerb.PUT, "stop please", "stop please"),
                arguments("POST without a payload sends an empty body", HTTPVerb.POST, null, ""),
                arguments("GET sends no body even with a payload", HTTPVerb.GET, "ignored", ""));
    }

    @Test
    void aPathWithoutLeadingSlashIsCalledBelowTheRoot() {
        server = ScriptedServer.http().answer("/status", 200);
        var spec = HTTPCheckModeSpec.get("main", "status");

        assertThat(checker(spec, server.port(), TIMEOUT).check().message())
                .isEqualTo("GET http://localhost:" + server.port() + "/status answered 200");
    }

    @Test
    void aClosedPortFailsTheCheckWithConnectionRefused() {
        int port = ScriptedServer.closedPort();

        CheckResult result = checker(HTTPCheckModeSpec.get("main", "/health"), port, TIMEOUT).check();

        assertThat(result).isEqualTo(CheckResult.unhealthy(
                "GET http://localhost:" + port + "/health failed: connection refused"));
    }

    @Test
    void anAnswerSlowerThanTheTimeoutFailsTheCheckWhenTheTimeoutIsUp() {
        server = ScriptedServer.http().hang("/health");
        long start = System.nanoTime();

        CheckResult result = checker(HTTPCheckModeSpec.get("main", "/health"), server.port(),
                Duration.milliseconds(200)).check();

        assertThat(result).isEqualTo(CheckResult.unhealthy("GET http://localhost:" + server.port()
                + "/health failed: timed out after 200 milliseconds"));
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - start))
                .isGreaterThanOrEqualTo(java.time.Duration.ofMillis(200))
                .isLessThan(java.time.Duration.ofSeconds(3));
    }

    @Test
    void anInsecureHttpsCheckAcceptsASelfSignedCertificateForAnotherHostName(@TempDir Path folder) {
        server = ScriptedServer.https(folder).answer("/health", 200);
        var spec = new HTTPCheckModeSpec(Protocol.HTTPS, "main", "/health", HTTPVerb.GET, Set.of(200), null,
                HANDSHAKE_ALLOWANCE, true);

        CheckResult result = checker(spec, server.port(), TIMEOUT).check();

        assertThat(result).isEqualTo(new CheckResult(Status.HEALTHY,
                "GET https://localhost:" + server.port() + "/health answered 200"));
    }

    @Test
    void aSecureHttpsCheckRejectsASelfSignedCertificateBeforeAnyRequestIsSent(@TempDir Path folder) {
        server = ScriptedServer.https(folder).answer("/health", 200);
        var spec = new HTTPCheckModeSpec(Protocol.HTTPS, "main", "/health", HTTPVerb.GET, Set.of(200), null,
                HANDSHAKE_ALLOWANCE, false);

        CheckResult result = checker(spec, server.port(), TIMEOUT).check();

        assertThat(result.status()).isEqualTo(Status.UNHEALTHY);
        assertThat(result.message())
                .startsWith("GET https://localhost:" + server.port() + "/health failed: TLS handshake failed");
        assertThat(server.requests()).isEmpty();
    }

    private static Checker checker(HTTPCheckModeSpec spec, int hostPort, Duration timeout) {
        return Checkers.forMode(spec, timeout, Map.of("main", new InstancePort(8000, hostPort, PortType.HTTP)),
                "no-container", (container, command, limit) -> {
                    throw new AssertionError("An HTTP check runs no command");
                });
    }
}
