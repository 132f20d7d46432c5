package dev.drove.executor.checks;

import com.github.dockerjava.api.DockerClient;
import dev.drove.common.testkit.DockerExtension;
import dev.drove.common.testkit.RunningContainer;
import dev.drove.common.testkit.TestContainer;
import dev.drove.common.testkit.TestImage;
import dev.drove.models.application.PortType;
import dev.drove.models.application.checks.CheckModeSpec;
import dev.drove.models.application.checks.CheckResult;
import dev.drove.models.application.checks.CheckSpec;
import dev.drove.models.application.checks.CmdCheckModeSpec;
import dev.drove.models.application.checks.HTTPCheckModeSpec;
import dev.drove.models.instance.InstancePort;
import io.dropwizard.util.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** The checks against the kit's drove-test/app container, whose health flips on {@code /cgi-bin/flip?fail}. */
@ExtendWith(DockerExtension.class)
class ChecksAgainstContainerTest {
    private final CheckRunner runner = new CheckRunner();
    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private final StopSignal stop = new StopSignal();

    @AfterEach
    void stopChecks() {
        stop.trip();
        background.shutdownNow();
    }

    static Stream<Arguments> modes() {
        return Stream.of(
                arguments("HTTP GET of /cgi-bin/health on the mapped port",
                        HTTPCheckModeSpec.get("main", "/cgi-bin/health"),
                        (IntFunction<String>) port -> "GET http://localhost:" + port + "/cgi-bin/health answered 500"),
                arguments("CMD check health without a shell", new CmdCheckModeSpec("check health", true),
                        (IntFunction<String>) port -> "Command 'check health' exited with 1"),
                arguments("CMD check health through sh -c", new CmdCheckModeSpec("check health", false),
                        (IntFunction<String>) port -> "Command 'check health' exited with 1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    void aHealthyAppTurnsUnhealthyAfterItsHealthIsFlippedToFailing(String name, CheckModeSpec mode,
                                                                   IntFunction<String> failure,
                                                                   DockerClient docker) throws Exception {
        RunningContainer app = TestContainer.of(TestImage.APP).publish(8000).memoryBytes(16 * TestContainer.MB)
                .run(docker);
        int hostPort = app.hostPort(8000);
        var ports = Map.of("main", new InstancePort(8000, hostPort, PortType.HTTP));
        var readiness = new CheckSpec(HTTPCheckModeSpec.get("main", "/cgi-bin/ready"), Duration.seconds(2),
                Duration.milliseconds(100), 100, null);
        var health = new CheckSpec(mode, Duration.seconds(5), Duration.milliseconds(100), 2, null);
        var commands = new DockerCommands(docker);

        assertThat(runner.awaitReady(readiness, Checkers.forCheck(readiness, ports, app.id(), commands), stop, false))
                .isEqualTo(ReadinessOutcome.ready());

        List<CheckResult> results = new CopyOnWriteArrayList<>();
        Future<HealthOutcome> watch = background.submit(() -> runner.watchHealth(health,
                Checkers.forCheck(health, ports, app.id(), commands), stop, results::add));
        await().atMost(20, TimeUnit.SECONDS).until(() -> results.size() >= 3);
        assertThat(results).allMatch(CheckResult::isHealthy);
        assertThat(watch).isNotDone();

        flipToFailing(app);

        assertThat(watch.get(30, TimeUnit.SECONDS)).isEqualTo(HealthOutcome.unhealthy(failure.apply(hostPort)));
        assertThat(results.subList(results.size() - 2, results.size())).noneMatch(CheckResult::isHealthy);
    }

    private static void flipToFailing(RunningContainer app) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<String> flipped = client.send(HttpRequest.newBuilder(app.uri(8000, "/cgi-bin/flip?fail"))
                .timeout(java.time.Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(flipped.statusCode()).as("flip answer: " + flipped.body()).isEqualTo(200);
    }
}
