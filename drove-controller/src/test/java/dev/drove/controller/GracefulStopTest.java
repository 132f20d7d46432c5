package dev.drove.controller;

import dev.drove.common.http.NodeEndpoint;
import dev.drove.common.testkit.ZookeeperExtension;
import dev.drove.controller.leadership.LeaderElection;
import dev.drove.models.info.nodedata.NodeTransportType;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.testing.DropwizardTestSupport;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 9, graceful shutdown: a controller that is stopped (SIGTERM runs Jetty's stop) gives up leadership as soon as
 * the server starts stopping, not once Jetty has drained the calls in flight, which may take the whole
 * {@code shutdownGracePeriod}. The end-to-end twin with real processes is drove-e2e's GracefulShutdownIT.
 */
class GracefulStopTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    java.nio.file.Path dir;
    private TestingServer zookeeper;
    private DropwizardTestSupport<ControllerConfiguration> controller;
    private final CountDownLatch callInside = new CountDownLatch(1);
    private final CountDownLatch releaseCall = new CountDownLatch(1);

    /** A call that stays in flight until the test lets it finish. */
    @Path("/test/slow")
    public static final class SlowResource {
        private final CountDownLatch inside;
        private final CountDownLatch release;

        SlowResource(CountDownLatch inside, CountDownLatch release) {
            this.inside = inside;
            this.release = release;
        }

        @GET
        public String slow() throws InterruptedException {
            inside.countDown();
            release.await(60, TimeUnit.SECONDS);
            return "done";
        }
    }

    @AfterEach
    void cleanUp() throws IOException {
        releaseCall.countDown();
        if (controller != null) {
            controller.after();
        }
        if (zookeeper != null) {
            zookeeper.close();
        }
    }

    @Test
    void aStoppingLeaderHandsOverLeadershipWhileACallIsStillInFlightAndTheGracePeriodIsLong() throws Exception {
        zookeeper = new TestingServer(true);
        var port = freePort();
        var config = dir.resolve("controller.yml");
        Files.writeString(config, """
                server:
                  applicationConnectors: [{type: http, port: %d, bindHost: 127.0.0.1}]
                  adminConnectors: [{type: http, port: %d, bindHost: 127.0.0.1}]
                  requestLog: {appenders: []}
                  shutdownGracePeriod: 30s
                logging: {level: WARN, appenders: [{type: console}]}
                zookeeper: {connectionString: "%s"}
                """.formatted(port, freePort(), zookeeper.getConnectString()));
        controller = new DropwizardTestSupport<>(ControllerApplication.class, config.toString());
        controller.addListener(new DropwizardTestSupport.ServiceListener<>() {
            @Override
            public void onRun(ControllerConfiguration configuration, Environment environment,
                              DropwizardTestSupport<ControllerConfiguration> rule) {
                environment.jersey().register(new SlowResource(callInside, releaseCall));
            }
        });
        controller.before();
        await("the controller leads").atMost(Duration.ofSeconds(30)).until(() -> status(port, "/apis/v1/ping") == 200);

        try (var curator = ZookeeperExtension.newClient(zookeeper.getConnectString());
             var rival = new LeaderElection(curator, new NodeEndpoint(NodeTransportType.HTTP, "127.0.0.1", 1))) {
            rival.start();
            var slowCall = HTTP.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/test/slow"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(callInside.await(10, TimeUnit.SECONDS)).as("the slow call reached the controller").isTrue();

            var stopping = CompletableFuture.runAsync(controller::after);
            await("the other contender leads").atMost(Duration.ofSeconds(5)).until(rival::isLeader);

            assertThat(slowCall).as("the call was still in flight when leadership moved").isNotDone();
            assertThat(stopping).as("Jetty was still draining it").isNotDone();
            releaseCall.countDown();
            stopping.get(30, TimeUnit.SECONDS);
            controller = null;
            assertThat(slowCall.get(5, TimeUnit.SECONDS).body()).isEqualTo("done");
        }
    }

    private static int status(int port, String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
