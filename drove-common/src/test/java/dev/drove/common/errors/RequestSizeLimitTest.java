package dev.drove.common.errors;

import dev.drove.models.json.Json;
import io.dropwizard.core.Application;
import io.dropwizard.core.Configuration;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bodies over {@link RequestSizeLimit#MAX_BYTES} are refused with 413 in the envelope, however they are sent, and
 * quickly; Jetty's own refusals come back as the envelope in JSON ({@link JsonErrorHandler}).
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class RequestSizeLimitTest {
    private static final long LIMIT = RequestSizeLimit.MAX_BYTES;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final DropwizardAppExtension<Configuration> APP = new DropwizardAppExtension<>(
            TestApp.class, ResourceHelpers.resourceFilePath("errors/test-server.yml"));

    @Path("/echo")
    @Produces(MediaType.APPLICATION_JSON)
    public static class EchoResource {
        /** The length of the body it read. */
        @POST
        public int length(String body) {
            return body.length();
        }
    }

    public static class TestApp extends Application<Configuration> {
        @Override
        public void run(Configuration configuration, Environment environment) {
            Json.configure(environment.getObjectMapper());
            ApiExceptionMappers.install(configuration.getServerFactory(), environment);
            environment.jersey().register(new EchoResource());
        }
    }

    /** How a body is sent: with a Content-Length or chunked, with or without {@code Expect: 100-continue}. */
    record Upload(String name, long size, boolean sized, boolean expectContinue, int status) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Upload> uploads() {
        return Stream.of(
                new Upload("exactly the limit, sized", LIMIT, true, false, 200),
                new Upload("exactly the limit, chunked", LIMIT, false, false, 200),
                new Upload("one byte over, sized", LIMIT + 1, true, false, 413),
                new Upload("one byte over, chunked", LIMIT + 1, false, false, 413),
                new Upload("50 MB, sized", 50L * 1024 * 1024, true, false, 413),
                new Upload("50 MB, chunked", 50L * 1024 * 1024, false, false, 413),
                new Upload("50 MB, sized, expecting 100-continue", 50L * 1024 * 1024, true, true, 413),
                new Upload("50 MB, chunked, expecting 100-continue", 50L * 1024 * 1024, false, true, 413));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("uploads")
    void aBodyOverTheLimitIsRefusedWith413AndOneWithinIsRead(Upload upload) throws Exception {
        var started = System.nanoTime();

        var response = upload.sized() && upload.expectContinue() ? announce(upload.size()) : send(upload);

        assertThat(response.status()).isEqualTo(upload.status());
        if (upload.status() == 200) {
            assertThat(response.body()).isEqualTo(String.valueOf(upload.size()));
        } else {
            var json = Json.mapper().readTree(response.body());
            assertThat(json.path("status").asText()).isEqualTo("FAILED");
            assertThat(json.path("message").asText()).isEqualTo("Request body is larger than 4194304 bytes (4 MiB), "
                    + "the most this API accepts");
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void jettysOwnRefusalsAreTheEnvelopeInJson() throws Exception {
        var ambiguous = HTTP.send(HttpRequest.newBuilder(uri("/echo/a%2Fb")).build(),
                HttpResponse.BodyHandlers.ofString());
        var tooLong = HTTP.send(HttpRequest.newBuilder(uri("/echo/" + "a".repeat(10_000))).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(ambiguous.statusCode()).isEqualTo(400);
        assertThat(ambiguous.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(Json.mapper().readTree(ambiguous.body()).path("message").asText())
                .isEqualTo("Ambiguous URI path separator");
        assertThat(tooLong.statusCode()).isEqualTo(414);
        assertThat(Json.mapper().readTree(tooLong.body()).path("message").asText()).isEqualTo("URI Too Long");
    }

    /** A status and body. */
    record Answer(int status, String body) {
    }

    private static Answer send(Upload upload) throws Exception {
        var request = HttpRequest.newBuilder(uri("/echo")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").expectContinue(upload.expectContinue())
                .POST(body(upload.size(), upload.sized())).build();
        var response = HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString()).get(20, TimeUnit.SECONDS);
        return new Answer(response.statusCode(), response.body());
    }

    /**
     * Announces {@code size} bytes with {@code Expect: 100-continue} and sends none: the answer must come at once.
     * Over a socket, because Java 17's HttpClient waits forever when a server answers such a request at once with a
     * final status instead of 100.
     */
    private static Answer announce(long size) throws IOException {
        try (var socket = new Socket("127.0.0.1", APP.getLocalPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json"
                    + "\r\nContent-Length: " + size + "\r\nExpect: 100-continue\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            var answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            var status = Integer.parseInt(answer.substring("HTTP/1.1 ".length(), "HTTP/1.1 ".length() + 3));
            return new Answer(status, answer.substring(answer.indexOf("\r\n\r\n") + 4));
        }
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + APP.getLocalPort() + path);
    }

    /** {@code size} bytes of a JSON string, made as they are sent. */
    private static HttpRequest.BodyPublisher body(long size, boolean sized) {
        var stream = HttpRequest.BodyPublishers.ofInputStream(() -> new InputStream() {
            private long position;

            @Override
            public int read() {
                if (position >= size) {
                    return -1;
                }
                var at = position++;
                return at == 0 || at == size - 1 ? '"' : 'x';
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (position >= size) {
                    return -1;
                }
                var count = (int) Math.min(length, size - position);
                for (int i = 0; i < count; i++) {
                    buffer[offset + i] = (byte) read();
                }
                return count;
            }
        });
        return sized ? HttpRequest.BodyPublishers.fromPublisher(stream, size) : stream;
    }
}
