package dev.drove.models.common;

import dev.drove.models.validation.ContractReader;
import io.dropwizard.util.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class HTTPCallSpecTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "no protocol and no port means HTTP on 80, '{\"hostname\": \"c\"}', http://c:80/",
            "HTTPS without port means 443, '{\"hostname\": \"c\", \"protocol\": \"HTTPS\"}', https://c:443/",
            "a given port wins, '{\"hostname\": \"c\", \"protocol\": \"HTTPS\", \"port\": 8443}', https://c:8443/",
            "a given path is kept, '{\"hostname\": \"c\", \"path\": \"/configs/app\"}', http://c:80/configs/app"})
    void absentPortAndPathTakeTheirDefaultsByProtocol(String rule, String json, String url) {
        assertThat(ContractReader.standard().read(json, HTTPCallSpec.class).orThrow().url()).isEqualTo(url);
    }

    @Test
    void otherAbsentFieldsTakeTheDocumentedDefaults() {
        var spec = ContractReader.standard().read("{\"hostname\": \"c\"}", HTTPCallSpec.class).orThrow();

        assertThat(spec.verb()).isEqualTo(HTTPVerb.GET);
        assertThat(spec.successCodes()).isEqualTo(Set.of(200));
        assertThat(spec.connectionTimeout()).isEqualTo(Duration.seconds(1));
        assertThat(spec.operationTimeout()).isEqualTo(Duration.seconds(1));
        assertThat(spec.headers()).isEmpty();
        assertThat(spec.insecure()).isFalse();
        assertThat(spec.succeedsWith(200)).isTrue();
        assertThat(spec.succeedsWith(204)).isFalse();
    }

    @Test
    void toStringNeverShowsCredentials() {
        var spec = ContractReader.standard().read(
                "{\"hostname\": \"c\", \"username\": \"appuser\", \"password\": \"secretpassword\", "
                        + "\"authHeader\": \"Bearer token\"}", HTTPCallSpec.class).orThrow();

        assertThat(spec.toString()).doesNotContain("appuser", "secretpassword", "Bearer token").contains("***");
    }
}
