package dev.drove.controller.console;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drove.models.json.Json;
import io.dropwizard.core.Configuration;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.UncheckedIOException;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /apis/v1/ui/session}: what the console may offer each kind of user. */
class SessionResourceTest {
    private static final String CONFIG = ResourceHelpers.resourceFilePath("console/test-server.yml");

    @Nested
    @ExtendWith(DropwizardExtensionsSupport.class)
    class WithUserAuth {
        private static final DropwizardAppExtension<Configuration> APP =
                new DropwizardAppExtension<>(ConsoleServer.WithUserAuth.class, CONFIG);

        @ParameterizedTest(name = "{0}")
        @CsvSource(textBlock = """
                # case                          user header                         role                        write  maintain logs
                root does everything,           admin:EXTERNAL_ROOT,                EXTERNAL_ROOT,              true,  true,    true
                read-write writes and reads logs, dev:EXTERNAL_READ_WRITE,          EXTERNAL_READ_WRITE,        true,  false,   true
                maintenance blacklists only,    ops:DROVE_EXTERNAL_MAINTENANCE,     DROVE_EXTERNAL_MAINTENANCE, false, true,    false
                read-only reads logs only,      guest:EXTERNAL_READ_ONLY,           EXTERNAL_READ_ONLY,         false, false,   true
                a user without a role only looks, nobody:,                          ,                           false, false,   false
                """)
        void theSessionNamesTheUserAndWhatTheirRoleAllows(String name, String header, String role, boolean canWrite,
                                                          boolean canMaintain, boolean canReadLogs) {
            var session = session(APP, header);

            assertThat(session.get("user").asText()).isEqualTo(header.substring(0, header.indexOf(':')));
            assertThat(session.path("role").isMissingNode() ? null : session.get("role").asText()).isEqualTo(role);
            assertThat(session.get("canWrite").asBoolean()).as("canWrite").isEqualTo(canWrite);
            assertThat(session.get("canMaintain").asBoolean()).as("canMaintain").isEqualTo(canMaintain);
            assertThat(session.get("canReadLogs").asBoolean()).as("canReadLogs").isEqualTo(canReadLogs);
            assertThat(session.get("authEnabled").asBoolean()).isTrue();
        }

        @Test
        void aCallThatNoAuthFilterVouchedForMayDoNothing() {
            var session = session(APP, null);

            assertThat(session.get("user").asText()).isEqualTo("anonymous");
            assertThat(session.has("role")).isFalse();
            assertThat(session.get("canWrite").asBoolean()).isFalse();
            assertThat(session.get("canMaintain").asBoolean()).isFalse();
            assertThat(session.get("canReadLogs").asBoolean()).isFalse();
        }
    }

    @Nested
    @ExtendWith(DropwizardExtensionsSupport.class)
    class WithoutUserAuth {
        private static final DropwizardAppExtension<Configuration> APP =
                new DropwizardAppExtension<>(ConsoleServer.WithoutUserAuth.class, CONFIG);

        @Test
        void everyoneIsRootWhenUserAuthIsOff() {
            var session = session(APP, null);

            assertThat(session.get("user").asText()).isEqualTo("anonymous");
            assertThat(session.get("role").asText()).isEqualTo("EXTERNAL_ROOT");
            assertThat(session.get("canWrite").asBoolean()).isTrue();
            assertThat(session.get("canMaintain").asBoolean()).isTrue();
            assertThat(session.get("canReadLogs").asBoolean()).isTrue();
            assertThat(session.get("authEnabled").asBoolean()).isFalse();
        }
    }

    /** The {@code data} of the session call's envelope, after checking the envelope says SUCCESS. */
    static JsonNode session(DropwizardAppExtension<Configuration> app, String user) {
        var request = app.client().target("http://127.0.0.1:" + app.getLocalPort() + "/apis/v1/ui/session")
                .request();
        if (user != null) {
            request = request.header(ConsoleServer.TEST_USER, user);
        }
        try (var response = request.get()) {
            assertThat(response.getStatus()).isEqualTo(200);
            var body = Json.mapper().readTree(response.readEntity(String.class));
            assertThat(body.get("status").asText()).isEqualTo("SUCCESS");
            return body.get("data");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
