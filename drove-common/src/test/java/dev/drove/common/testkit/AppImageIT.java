package dev.drove.common.testkit;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static dev.drove.common.testkit.TestContainer.MB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The app image on the real engine: the endpoints later tests rely on, limits, logs and a prompt stop. */
@ExtendWith(DockerExtension.class)
class AppImageIT {
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    @Test
    void anAppWithSixMegabytesAndOneCoreAnswersOnItsLoopbackPort(DockerClient docker) throws Exception {
        RunningContainer app = start(docker, TestContainer.of(TestImage.APP).memoryBytes(6 * MB).cpuset("0"));

        InspectContainerResponse inspected = docker.inspectContainerCmd(app.id()).exec();
        assertThat(inspected.getHostConfig().getMemory()).isEqualTo(6 * MB);
        assertThat(inspected.getHostConfig().getCpusetCpus()).isEqualTo("0");
        HttpResponse<String> root = get(app.uri(8000, "/"));
        assertThat(root.statusCode()).isEqualTo(200);
        assertThat(root.body()).contains("drove-test-app is up");
    }

    @Test
    void healthTurnsToFiveHundredWhenFlippedOverHttpAndBackWhenPassed(DockerClient docker) throws Exception {
        RunningContainer app = start(docker, TestContainer.of(TestImage.APP));

        assertThat(get(app.uri(8000, "/cgi-bin/health")).statusCode()).isEqualTo(200);
        assertThat(get(app.uri(8000, "/cgi-bin/flip?fail")).statusCode()).isEqualTo(200);
        assertThat(get(app.uri(8000, "/cgi-bin/health")).statusCode()).isEqualTo(500);
        assertThat(get(app.uri(8000, "/health/")).statusCode()).isEqualTo(500);
        assertThat(get(app.uri(8000, "/cgi-bin/flip?pass")).statusCode()).isEqualTo(200);
        assertThat(get(app.uri(8000, "/cgi-bin/health")).statusCode()).isEqualTo(200);
    }

    @Test
    void healthAndReadinessFlipFromInsideTheContainerAndAnswerCommandChecks(DockerClient docker) throws Exception {
        RunningContainer app = start(docker, TestContainer.of(TestImage.APP));

        assertThat(app.exec("check", "health").exitCode()).isZero();
        assertThat(app.exec("flip-health", "fail").exitCode()).isZero();
        assertThat(app.exec("flip-health", "unready").exitCode()).isZero();

        assertThat(app.exec("check", "health").exitCode()).isEqualTo(1);
        assertThat(get(app.uri(8000, "/cgi-bin/health")).statusCode()).isEqualTo(500);
        assertThat(get(app.uri(8000, "/cgi-bin/ready")).statusCode()).isEqualTo(503);
        assertThat(get(app.uri(8000, "/cgi-bin/flip?ready")).statusCode()).isEqualTo(200);
        assertThat(get(app.uri(8000, "/ready/")).statusCode()).isEqualTo(200);
        assertThat(get(app.uri(8000, "/cgi-bin/flip?sideways")).statusCode()).isEqualTo(400);
    }

    @Test
    void aFileCopiedInBeforeStartIsServedBack(DockerClient docker) throws Exception {
        RunningContainer app = start(docker, TestContainer.of(TestImage.APP)
                .file("/testfiles/drove.txt", "injected by the test kit\n"));

        HttpResponse<String> file = get(app.uri(8000, "/cgi-bin/file?/testfiles/drove.txt"));
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body()).isEqualTo("injected by the test kit\n");
        assertThat(get(app.uri(8000, "/cgi-bin/file?/testfiles/absent.txt")).statusCode()).isEqualTo(404);
    }

    @Test
    void thePreStopHookLeavesATimestampedLineThatCanBeReadBack(DockerClient docker) throws Exception {
        RunningContainer app = start(docker, TestContainer.of(TestImage.APP));

        assertThat(get(app.uri(8000, "/cgi-bin/prestop")).statusCode()).isEqualTo(200);
        assertThat(app.exec("prestop").exitCode()).isZero();

        assertThat(get(app.uri(8000, "/cgi-bin/file?/tmp/prestop.log")).body().lines())
                .hasSize(2)
                .allMatch(line -> line.matches("prestop \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"));
    }

    @Test
    void theAppListensOnPortFromTheEnvironmentAndPrintsItsEnvironment(DockerClient docker) throws Exception {
        RunningContainer app = start(docker, TestContainer.of(TestImage.APP).env("PORT", "9000")
                .env("DROVE_TEST_MARKER", "forty-two"), 9000);

        assertThat(get(app.uri(9000, "/cgi-bin/env")).body().lines())
                .contains("PORT=9000", "DROVE_TEST_MARKER=forty-two");
        assertThat(app.logs()).contains("drove-test-app listening on 9000");
    }

    @Test
    void theLogHasAStartLineAndALinePerRequest(DockerClient docker) throws Exception {
        RunningContainer app = start(docker, TestContainer.of(TestImage.APP));

        get(app.uri(8000, "/cgi-bin/health"));
        get(app.uri(8000, "/cgi-bin/ready"));

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(app.logs())
                .contains("drove-test-app listening on 8000", "GET /cgi-bin/health", "GET /cgi-bin/ready"));
    }

    @Test
    void dockerStopEndsTheAppWithinTwoSecondsAndExitCodeZero(DockerClient docker) throws Exception {
        RunningContainer app = start(docker, TestContainer.of(TestImage.APP));

        long started = System.nanoTime();
        docker.stopContainerCmd(app.id()).withTimeout(10).exec();
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(took).isLessThan(Duration.ofSeconds(2));
        assertThat(docker.inspectContainerCmd(app.id()).exec().getState().getExitCodeLong()).isZero();
        assertThat(app.logs()).contains("drove-test-app stopping");
    }

    private static RunningContainer start(DockerClient docker, TestContainer container) {
        return start(docker, container, 8000);
    }

    /** Runs the container and waits until httpd answers on the published port. */
    private static RunningContainer start(DockerClient docker, TestContainer container, int port) {
        RunningContainer app = container.publish(port).run(docker);
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
                .until(() -> get(app.uri(port, "/")).statusCode() == 200);
        return app;
    }

    private static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
