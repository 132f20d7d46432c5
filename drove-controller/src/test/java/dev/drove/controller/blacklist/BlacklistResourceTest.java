package dev.drove.controller.blacklist;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drove.common.errors.ApiExceptionMappers;
import dev.drove.common.messages.MessageResponse;
import dev.drove.common.testkit.ZookeeperExtension;
import dev.drove.controller.auth.Roles;
import dev.drove.controller.events.EventBus;
import dev.drove.controller.statestore.ZkClusterStateStore;
import dev.drove.models.cluster.ClusterState;
import dev.drove.models.cluster.ClusterStateData;
import dev.drove.models.info.nodedata.ExecutorNodeData;
import dev.drove.models.info.nodedata.ExecutorState;
import dev.drove.models.json.Json;
import io.dropwizard.core.Application;
import io.dropwizard.core.Configuration;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.ResourceHelpers;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.SecurityContext;
import org.apache.curator.framework.CuratorFramework;
import org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static dev.drove.controller.blacklist.TestApps.executorId;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The four blacklisting paths over real HTTP, as curl calls them in the docs (POST with {@code --data ''}), beside
 * another resource on {@code /apis/v1/cluster} as the controller serves them; callers carry a role given by the test.
 */
@ExtendWith(ZookeeperExtension.class)
class BlacklistResourceTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final String A = executorId(5001);
    private static final String ROLE_HEADER = "X-Test-Role";

    private TestApps apps;
    private BlacklistBook book;
    private Blacklisting blacklisting;
    private ZkClusterStateStore clusterState;
    private DropwizardTestSupport<Configuration> server;

    @BeforeEach
    void serve(CuratorFramework curator) throws Exception {
        apps = new TestApps(executorId(5002));
        book = new BlacklistBook(curator, Clock.systemUTC());
        var migration = new Migration(apps, apps, apps, io.dropwizard.util.Duration.seconds(10),
                Duration.ofMillis(10));
        Supplier<List<ExecutorNodeData>> executors = () -> List.of(TestApps.executor(5001, ExecutorState.ACTIVE));
        var sync = new RotationSync(MessageResponse::handled);
        var events = new EventBus(Duration.ofHours(1));
        blacklisting = new Blacklisting(book, executors, new BlacklistPass(book, executors, migration, sync, events,
                () -> false, Duration.ofSeconds(1), Clock.systemUTC()), sync, events, Duration.ofSeconds(1));
        blacklisting.leadershipAcquired();
        clusterState = new ZkClusterStateStore(curator);
        var resource = new BlacklistResource(blacklisting, clusterState);
        server = new DropwizardTestSupport<>(TestApplication.class,
                ResourceHelpers.resourceFilePath("blacklist/blacklist-api.yml")) {
            @Override
            public Application<Configuration> newApplication() {
                return new TestApplication(resource);
            }
        };
        server.before();
    }

    @AfterEach
    void stop() {
        server.after();
        blacklisting.close();
        apps.close();
    }

    @Test
    void theBulkFormTakesRepeatedIdsAndAnswersWhatWasAcceptedAndWhatWasRefused() {
        var answer = post("/apis/v1/cluster/executors/blacklist?id=" + A + "&id=ex1&id=ex2", Roles.MAINTENANCE);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("status").asText()).isEqualTo("SUCCESS");
        assertThat(answer.json().get("message").asText()).isEqualTo("success");
        assertThat(ids(answer, "successful")).containsExactly(A);
        assertThat(ids(answer, "failed")).containsExactly("ex1", "ex2");
        assertThat(book.stateOf(A)).isNotEqualTo(java.util.Optional.of(ExecutorState.ACTIVE));

        var back = post("/apis/v1/cluster/executors/unblacklist?id=" + A + "&id=ex1", Roles.MAINTENANCE);

        assertThat(ids(back, "successful")).containsExactly(A);
        assertThat(ids(back, "failed")).containsExactly("ex1");
        assertThat(book.stateOf(A)).contains(ExecutorState.ACTIVE);
    }

    @Test
    void thePerIdFormsActOnTheExecutorInThePath() {
        var blacklisted = post("/apis/v1/cluster/executors/" + A + "/blacklist", Roles.MAINTENANCE);
        assertThat(ids(blacklisted, "successful")).containsExactly(A);
        assertThat(book.find(A)).isPresent();

        var unknown = post("/apis/v1/cluster/executors/ex1/blacklist", Roles.MAINTENANCE);
        assertThat(unknown.status()).isEqualTo(200);
        assertThat(ids(unknown, "failed")).containsExactly("ex1");

        var back = post("/apis/v1/cluster/executors/" + A + "/unblacklist", Roles.MAINTENANCE);
        assertThat(ids(back, "successful")).containsExactly(A);
        assertThat(book.find(A)).isEmpty();
    }

    @Test
    void aBulkCallWithoutIdsIsABadRequest() {
        var answer = post("/apis/v1/cluster/executors/blacklist?id=", Roles.MAINTENANCE);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("message").asText())
                .isEqualTo("Name the executors as query parameters: ?id=<executorId>&id=...");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/executors/blacklist?id=EXECUTOR", "/executors/EXECUTOR/blacklist",
            "/executors/unblacklist?id=EXECUTOR", "/executors/EXECUTOR/unblacklist"})
    void everyFormIsRefusedInMaintenanceMode(String path) {
        clusterState.save(new ClusterStateData(ClusterState.MAINTENANCE, new Date()));

        var answer = post("/apis/v1/cluster" + path.replace("EXECUTOR", A), Roles.MAINTENANCE);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("message").asText()).isEqualTo("Cluster is in maintenance mode; blacklisting "
                + "and unblacklisting are refused until POST /apis/v1/cluster/maintenance/unset");
        assertThat(book.entries()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/executors/blacklist?id=EXECUTOR", "/executors/EXECUTOR/blacklist",
            "/executors/unblacklist?id=EXECUTOR", "/executors/EXECUTOR/unblacklist"})
    void everyFormNeedsTheMaintenanceRole(String path) {
        var readWrite = post("/apis/v1/cluster" + path.replace("EXECUTOR", A), Roles.READ_WRITE);
        var maintenance = post("/apis/v1/cluster" + path.replace("EXECUTOR", A), Roles.MAINTENANCE);

        assertThat(readWrite.status()).isEqualTo(403);
        assertThat(maintenance.status()).isEqualTo(200);
    }

    @Test
    void theClusterResourceSharingTheRootPathStillAnswersBeside() {
        var answer = get("/apis/v1/cluster/executors/" + A);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("data").asText()).isEqualTo("executor " + A);
    }

    private static List<String> ids(Answer answer, String field) {
        return Json.mapper().convertValue(answer.json().get("data").get(field),
                Json.mapper().getTypeFactory().constructCollectionType(List.class, String.class));
    }

    private record Answer(int status, JsonNode json) {
    }

    /** A POST as the docs' curl sends it: form content type, empty body. */
    private Answer post(String path, String role) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .header(ROLE_HEADER, role).POST(HttpRequest.BodyPublishers.noBody()));
    }

    private Answer get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).header(ROLE_HEADER, Roles.READ_WRITE).GET());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getLocalPort() + path);
    }

    private static Answer send(HttpRequest.Builder request) {
        try {
            var response = HTTP.send(request.timeout(java.time.Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body().isEmpty() ? null
                    : Json.mapper().readTree(response.body()));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The controller's error envelope, role checks and the blacklisting resource, beside a cluster lookup. */
    public static final class TestApplication extends Application<Configuration> {
        private final BlacklistResource resource;

        TestApplication(BlacklistResource resource) {
            this.resource = resource;
        }

        @Override
        public void run(Configuration configuration, Environment environment) {
            Json.configure(environment.getObjectMapper());
            ApiExceptionMappers.install(configuration.getServerFactory(), environment);
            environment.jersey().register(new RoleFromHeader());
            environment.jersey().register(RolesAllowedDynamicFeature.class);
            environment.jersey().register(resource);
            environment.jersey().register(new ExecutorLookup());
        }
    }

    /** Stands for the cluster resource's {@code GET /executors/{id}} on the same root path. */
    @Path("/apis/v1/cluster")
    public static final class ExecutorLookup {
        @GET
        @Path("/executors/{executorId}")
        public Map<String, String> executor(@PathParam("executorId") String executorId) {
            return Map.of("data", "executor " + executorId);
        }
    }

    /** The caller holds exactly the role the test names in {@value #ROLE_HEADER}. */
    @PreMatching
    private static final class RoleFromHeader implements ContainerRequestFilter {
        @Override
        public void filter(ContainerRequestContext request) {
            var role = request.getHeaderString(ROLE_HEADER);
            request.setSecurityContext(new SecurityContext() {
                @Override
                public Principal getUserPrincipal() {
                    return () -> "tester";
                }

                @Override
                public boolean isUserInRole(String asked) {
                    return asked.equals(role);
                }

                @Override
                public boolean isSecure() {
                    return false;
                }

                @Override
                public String getAuthenticationScheme() {
                    return SecurityContext.BASIC_AUTH;
                }
            });
        }
    }
}
