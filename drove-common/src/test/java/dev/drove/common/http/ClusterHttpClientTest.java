package dev.drove.common.http;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.drove.common.auth.ClusterCredentials;
import dev.drove.common.auth.ClusterHeaders;
import dev.drove.models.api.ApiResponse;
import dev.drove.models.info.nodedata.NodeTransportType;
import dev.drove.models.info.nodedata.NodeType;
import io.dropwizard.testing.junit5.DropwizardClientExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.dropwizard.util.Duration;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The inter-node client against a real Jetty that echoes what it got. */
@ExtendWith(DropwizardExtensionsSupport.class)
class ClusterHttpClientTest {
    private static final ClusterCredentials CREDENTIALS =
            new ClusterCredentials("controller-1.internal", NodeType.CONTROLLER, "ControllerSecretValue");
    private static volatile CountDownLatch releaseSlowCalls = new CountDownLatch(1);
    private static final Concurrency HELD = new Concurrency();

    static final DropwizardClientExtension NODE = new DropwizardClientExtension(new EchoResource());

    private static final TypeReference<Map<String, String>> ECHO = new TypeReference<>() { };

    private final ClusterHttpClient client = new ClusterHttpClient(CREDENTIALS);

    /** Answers with the method, the cluster headers and the body it received. */
    @Path("/echo")
    @Produces(MediaType.APPLICATION_JSON)
    public static class EchoResource {
        @POST
        @Consumes(MediaType.APPLICATION_JSON)
        public Map<String, String> post(@Context HttpHeaders headers, String body) {
            var echo = echo("POST", headers);
            echo.put("body", body);
            return echo;
        }

        @GET
        public Map<String, String> get(@Context HttpHeaders headers) {
            return echo("GET", headers);
        }

        @GET
        @Path("/status/{code}")
        @Produces(MediaType.WILDCARD)
        public Response status(@PathParam("code") int code) {
            return Response.status(code).type(MediaType.TEXT_HTML_TYPE).entity("<html>proxy error</html>").build();
        }

        @GET
        @Path("/envelope")
        public ApiResponse<Map<String, Integer>> envelope() {
            return ApiResponse.success(Map.of("executors", 3));
        }

        @GET
        @Path("/slow")
        public Map<String, String> slow() throws InterruptedException {
            releaseSlowCalls.await(10, TimeUnit.SECONDS);
            return Map.of("late", "yes");
        }

        @GET
        @Path("/held")
        public Map<String, String> held() throws InterruptedException {
            HELD.add(HELD.enter());
            try {
                releaseSlowCalls.await(10, TimeUnit.SECONDS);
            } finally {
                HELD.leave();
            }
            return Map.of("held", "yes");
        }

        private static Map<String, String> echo(String method, HttpHeaders headers) {
            var echo = new LinkedHashMap<String, String>();
            echo.put("method", method);
            for (var name : new String[]{ClusterHeaders.NODE_ID, ClusterHeaders.NODE_TYPE,
                    ClusterHeaders.CLUSTER_AUTHORIZATION, HttpHeaders.CONTENT_TYPE}) {
                var value = headers.getHeaderString(name);
                if (value != null) {
                    echo.put(name, value);
                }
            }
            return echo;
        }
    }

    @BeforeEach
    void holdSlowCalls() {
        releaseSlowCalls = new CountDownLatch(1);
    }

    @AfterEach
    void releaseSlowCalls() {
        releaseSlowCalls.countDown();
    }

    @Test
    void aPostSendsTheClusterHeadersAndTheBodyAsJson() {
        var response = client.post(node(), base() + "/echo", Map.of("instanceId", "AI-1"),
                ECHO);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.isSuccessful()).isTrue();
        assertThat(response.body())
                .containsEntry("method", "POST")
                .containsEntry(ClusterHeaders.NODE_ID, "controller-1.internal")
                .containsEntry(ClusterHeaders.NODE_TYPE, "CONTROLLER")
                .containsEntry(ClusterHeaders.CLUSTER_AUTHORIZATION, "ControllerSecretValue")
                .containsEntry(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON)
                .containsEntry("body", "{\"instanceId\":\"AI-1\"}");
    }

    @Test
    void aGetSendsTheClusterHeadersToo() {
        var response = client.get(node(), base() + "/echo", ECHO);

        assertThat(response.body()).containsEntry("method", "GET")
                .containsEntry(ClusterHeaders.NODE_TYPE, "CONTROLLER")
                .containsEntry(ClusterHeaders.CLUSTER_AUTHORIZATION, "ControllerSecretValue");
    }

    @Test
    void aGenericAnswerIsParsedWithItsTypeArguments() {
        var response = client.get(node(), base() + "/echo/envelope",
                new TypeReference<ApiResponse<Map<String, Integer>>>() { });

        assertThat(response.body().isSuccessful()).isTrue();
        assertThat(response.body().data()).containsEntry("executors", 3);
    }

    @Test
    void aNonJsonErrorAnswerComesBackWithItsStatusAndText() {
        var response = client.get(node(), base() + "/echo/status/503", ECHO);

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.isSuccessful()).isFalse();
        assertThat(response.body()).isNull();
        assertThat(response.text()).isEqualTo("<html>proxy error</html>");
    }

    @Test
    void anAnswerSlowerThanTheResponseTimeoutFailsTheCall() {
        var impatient = new ClusterHttpClient(CREDENTIALS,
                new ClusterClientTimeouts(Duration.seconds(1), Duration.milliseconds(300)));

        assertThatThrownBy(() -> impatient.get(node(), base() + "/echo/slow", ECHO))
                .isInstanceOf(ClusterCallException.class)
                .hasMessageContaining("GET http://127.0.0.1:" + NODE.baseUri().getPort())
                .hasMessageContaining("timed out");
    }

    @Test
    void aNodeThatDoesNotListenFailsTheCallNamingIt() throws IOException {
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        var gone = new NodeEndpoint(NodeTransportType.HTTP, "127.0.0.1", closedPort);

        assertThatThrownBy(() -> client.post(gone, "/apis/v1/messages", Map.of(), ECHO))
                .isInstanceOf(ClusterCallException.class)
                .hasMessageContaining("POST http://127.0.0.1:" + closedPort + "/apis/v1/messages failed");
    }

    @Test
    void atMostSixtyFourCallsAreUnderWayAtOnceAndTheRestWaitTheirTurn() throws Exception {
        int callers = ClusterHttpClient.MAX_IN_FLIGHT + 16;
        var pool = Executors.newFixedThreadPool(callers);
        try {
            var calls = new ArrayList<Future<ClusterResponse<Map<String, String>>>>();
            for (int i = 0; i < callers; i++) {
                calls.add(pool.submit(() -> client.get(node(), base() + "/echo/held", ECHO)));
            }
            await().atMost(java.time.Duration.ofSeconds(10))
                    .until(() -> HELD.now() == ClusterHttpClient.MAX_IN_FLIGHT);
            Thread.sleep(500); // the other 16 had time to get through, were there no limit

            assertThat(HELD.peak()).isEqualTo(ClusterHttpClient.MAX_IN_FLIGHT);
            releaseSlowCalls.countDown();
            for (var call : calls) {
                assertThat(call.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** How many calls the server holds now, and the most it held at once. */
    private static final class Concurrency {
        private final AtomicInteger now = new AtomicInteger();
        private final AtomicInteger peak = new AtomicInteger();

        int enter() {
            return now.incrementAndGet();
        }

        void leave() {
            now.decrementAndGet();
        }

        void add(int seen) {
            peak.accumulateAndGet(seen, Math::max);
        }

        int now() {
            return now.get();
        }

        int peak() {
            return peak.get();
        }
    }

    @Test
    void anEndpointMakesTheUriFromItsTransportType() {
        assertThat(new NodeEndpoint(NodeTransportType.HTTPS, "executor-1", 3000).uri("/apis/v1/ping?x=1"))
                .hasToString("https://executor-1:3000/apis/v1/ping?x=1");
        assertThatThrownBy(() -> node().uri("apis")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theDefaultTimeoutsAreOneSecondToConnectAndFiveToAnswer() {
        assertThat(ClusterClientTimeouts.DEFAULTS.connectTimeout()).isEqualTo(Duration.seconds(1));
        assertThat(ClusterClientTimeouts.DEFAULTS.responseTimeout()).isEqualTo(Duration.seconds(5));
    }

    private static NodeEndpoint node() {
        return new NodeEndpoint(NodeTransportType.HTTP, "127.0.0.1", NODE.baseUri().getPort());
    }

    private static String base() {
        return NODE.baseUri().getPath();
    }
}
