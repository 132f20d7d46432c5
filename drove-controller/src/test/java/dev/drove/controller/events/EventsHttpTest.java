package dev.drove.controller.events;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drove.models.events.DroveEventType;
import dev.drove.models.json.Json;
import io.dropwizard.testing.junit5.DropwizardClientExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The events API over HTTP beside a resource on {@code /apis/v1/cluster}, as the controller serves them: each path of
 * docs apis/cluster.md reaches {@link EventsResource} and answers the documented shape.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class EventsHttpTest {
    private static final EventBus BUS = new EventBus(Duration.ofHours(1));
    private static final DropwizardClientExtension SERVER = new DropwizardClientExtension(new EventsResource(BUS),
            new ClusterRoot());
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** Stands in for ClusterResource, which serves {@code /apis/v1/cluster} and its other sub-paths. */
    @Path("/apis/v1/cluster")
    @Produces(MediaType.APPLICATION_JSON)
    public static final class ClusterRoot {
        @GET
        public Map<String, String> summary() {
            return Map.of("resource", "cluster");
        }
    }

    @BeforeAll
    static void publishTwoEvents() {
        Json.configure(SERVER.getObjectMapper());
        BUS.publish(EventFactory.clusterEvent(DroveEventType.LEADERSHIP_ACQUIRED, "controller-1"));
        BUS.publish(EventFactory.clusterEvent(DroveEventType.MAINTENANCE_MODE_SET, "controller-1"));
    }

    @Test
    void latestAnswersTheEventsAndTheNextLastSyncTime() throws Exception {
        var data = get("/apis/v1/cluster/events/latest?size=1024&lastSyncTime=0").get("data");

        assertThat(data.get("events")).hasSize(2);
        var first = data.get("events").get(0);
        assertThat(first.get("type").asText()).isEqualTo("LEADERSHIP_ACQUIRED");
        assertThat(first.get("id").asText()).hasSize(36);
        assertThat(first.get("time").isNumber()).isTrue();
        assertThat(first.get("metadata").get("HOSTNAME").asText()).isEqualTo("controller-1");
        assertThat(data.get("lastSyncTime").asLong()).isEqualTo(data.get("events").get(1).get("time").asLong());
    }

    @Test
    void summaryCountsEachType() throws Exception {
        var data = get("/apis/v1/cluster/events/summary?lastSyncTime=0").get("data");

        assertThat(data.get("eventsCount").get("LEADERSHIP_ACQUIRED").asInt()).isEqualTo(1);
        assertThat(data.get("eventsCount").get("MAINTENANCE_MODE_SET").asInt()).isEqualTo(1);
        assertThat(data.get("lastSyncTime").asLong()).isPositive();
    }

    @Test
    void theDeprecatedPathAnswersTheBareListAndTheClusterRootStaysItsOwn() throws Exception {
        assertThat(get("/apis/v1/cluster/events?lastSyncTime=0").get("data")).hasSize(2);
        assertThat(get("/apis/v1/cluster").get("resource").asText()).isEqualTo("cluster");
    }

    private static JsonNode get(String path) throws Exception {
        var response = HTTP.send(HttpRequest.newBuilder(URI.create(SERVER.baseUri() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return Json.mapper().readTree(response.body());
    }
}
