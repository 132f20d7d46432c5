package dev.drove.common.errors;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drove.models.json.Json;
import dev.drove.models.operation.ClusterOpSpec;
import io.dropwizard.core.Application;
import io.dropwizard.core.Configuration;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.UncheckedIOException;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(DropwizardExtensionsSupport.class)
class ApiExceptionMappersTest {

    @Path("/test")
    @Produces(MediaType.APPLICATION_JSON)
    @Consumes(MediaType.APPLICATION_JSON)
    public static class TestResource {
        @POST
        @Path("/opspec")
        public ClusterOpSpec echo(@Valid ClusterOpSpec spec) {
            return spec;
        }

        @GET
        @Path("/size")
        public int size(@QueryParam("size") @Max(1024) int size) {
            return size;
        }

        @GET
        @Path("/missing")
        public String missing() {
            throw ApiException.notFound("App %s not found", "NOPE-1");
        }

        @GET
        @Path("/bug")
        public String bug() {
            throw new IllegalStateException("secret internals");
        }
    }

    public static class TestApp extends Application<Configuration> {
        @Override
        public void run(Configuration configuration, Environment environment) {
            Json.configure(environment.getObjectMapper());
            ApiExceptionMappers.install(configuration.getServerFactory(), environment);
            environment.jersey().register(new TestResource());
        }
    }

    private static final DropwizardAppExtension<Configuration> APP = new DropwizardAppExtension<>(
            TestApp.class, ResourceHelpers.resourceFilePath("errors/test-server.yml"));

    private Response post(String path, String body) {
        return APP.client().target("http://localhost:" + APP.getLocalPort() + path)
                .request().post(Entity.entity(body, MediaType.APPLICATION_JSON_TYPE));
    }

    private Response get(String path) {
        return APP.client().target("http://localhost:" + APP.getLocalPort() + path).request().get();
    }

    private static JsonNode body(Response response) {
        try {
            return Json.mapper().readTree(response.readEntity(String.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aBodyThatBreaksAConstraintGetsTheOriginalsValidationEnvelope() {
        var response = post("/test/opspec", "{\"timeout\":\"5m\",\"parallelism\":0,\"failureStrategy\":\"STOP\"}");
        var json = body(response);
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(json.get("status").asText()).isEqualTo("FAILED");
        assertThat(json.get("message").asText()).isEqualTo("Command validation failure");
        assertThat(json.at("/data/validationErrors/0").asText()).contains("parallelism");
    }

    @Test
    void unreadableJsonNamesTheFieldAndNeverAStackTrace() {
        var response = post("/test/opspec", "{\"timeout\":\"5 lightyears\",\"parallelism\":1,\"failureStrategy\":\"STOP\"}");
        var json = body(response);
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(json.at("/data/validationErrors/0").asText()).startsWith("timeout");
        assertThat(json.toString()).doesNotContain("at com.").doesNotContain("Exception");
    }

    @Test
    void anUnknownEnumValueIsRefusedWithTheAllowedValues() {
        var json = body(post("/test/opspec", "{\"timeout\":\"5m\",\"parallelism\":1,\"failureStrategy\":\"PANIC\"}"));
        assertThat(json.at("/data/validationErrors/0").asText()).contains("failureStrategy").contains("STOP");
    }

    @Test
    void aQueryParameterOutOfRangeIsA400NamingIt() {
        var response = get("/test/size?size=5000");
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(body(response).at("/data/validationErrors/0").asText())
                .isEqualTo("query param size must be less than or equal to 1024");
    }

    @Test
    void aRefusalKeepsItsStatusAndSentence() {
        var response = get("/test/missing");
        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(body(response).get("message").asText()).isEqualTo("App NOPE-1 not found");
    }

    @Test
    void anUnknownPathIsA404InTheEnvelope() {
        var response = get("/nothing/here");
        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(body(response).get("status").asText()).isEqualTo("FAILED");
    }

    @Test
    void aBugIsA500WithoutInternals() {
        var response = get("/test/bug");
        var json = body(response);
        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(json.get("status").asText()).isEqualTo("FAILED");
        assertThat(json.toString()).doesNotContain("secret internals");
    }
}
