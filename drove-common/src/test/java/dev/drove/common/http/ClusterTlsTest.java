package dev.drove.common.http;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.drove.common.auth.ClusterCredentials;
import dev.drove.common.testkit.TestCertificates;
import dev.drove.models.info.nodedata.NodeTransportType;
import dev.drove.models.info.nodedata.NodeType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Trust between nodes: the client made from {@code clusterTls} against real https servers whose certificates come
 * from a CA made for the test, and the start-up errors for every way the trust store can be wrong.
 */
class ClusterTlsTest {
    private static final ClusterCredentials CREDENTIALS =
            new ClusterCredentials("executor-1", NodeType.EXECUTOR, "ExecutorSecretValue");

    @TempDir
    static Path dir;
    private static TestCertificates cluster;
    private static TestCertificates stranger;
    private static TestCertificates misnamed;
    private static HttpsServer node;
    private static HttpsServer misnamedNode;

    @BeforeAll
    static void startNodes() throws Exception {
        cluster = TestCertificates.create(dir.resolve("cluster"), "Drove Cluster CA");
        stranger = TestCertificates.create(dir.resolve("stranger"), "Some Other CA");
        misnamed = TestCertificates.create(dir.resolve("misnamed"), "Misnamed Node CA", "dns:elsewhere.invalid");
        node = serve(cluster.serverKeyStore());
        misnamedNode = serve(misnamed.serverKeyStore());
    }

    @AfterAll
    static void stopNodes() {
        node.stop(0);
        misnamedNode.stop(0);
    }

    @Test
    void aNodeThatTrustsTheClusterCaCallsItsPeerOverHttps() {
        var client = client(ClusterTlsConfig.trusting(cluster.trustStore().toString(), TestCertificates.PASSWORD));

        var answer = client.get(endpoint(node), "/ping", Map.class);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).containsEntry("pong", true);
    }

    @Test
    void aNodeWhoseTrustStoreLacksTheClusterCaGetsNoAnswerAndIsToldWhereToLook() {
        var client = client(ClusterTlsConfig.trusting(stranger.trustStore().toString(), TestCertificates.PASSWORD));

        assertThatThrownBy(() -> client.get(endpoint(node), "/ping", Map.class))
                .isInstanceOf(ClusterCallException.class)
                .hasMessageStartingWith("GET https://127.0.0.1:" + node.getAddress().getPort() + "/ping failed: ")
                .hasMessageContaining("SSLHandshakeException")
                .hasMessageContaining("clusterTls trust store must hold the CA");
    }

    @Test
    void withoutAClusterTlsSectionOnlyCertificatesTheJvmTrustsAreAccepted() {
        var client = new ClusterHttpClient(CREDENTIALS, ClusterClientTimeouts.DEFAULTS,
                ClusterTls.from(ClusterTlsConfig.DEFAULTS));

        assertThatThrownBy(() -> client.get(endpoint(node), "/ping", Map.class))
                .isInstanceOf(ClusterCallException.class)
                .hasMessageContaining("SSLHandshakeException");
    }

    @Test
    void aCertificateForAnotherHostIsRefusedUnlessHostnameVerificationIsOff() {
        var trust = misnamed.trustStore().toString();
        var checking = client(ClusterTlsConfig.trusting(trust, TestCertificates.PASSWORD));
        var notChecking = client(new ClusterTlsConfig(trust, TestCertificates.PASSWORD, null, false));

        assertThatThrownBy(() -> checking.get(endpoint(misnamedNode), "/ping", Map.class))
                .isInstanceOf(ClusterCallException.class)
                .hasMessageContaining("127.0.0.1");
        assertThat(notChecking.get(endpoint(misnamedNode), "/ping", Map.class).status()).isEqualTo(200);
    }

    @Test
    void turningHostnameVerificationOffStillChecksTheCa() {
        var client = client(new ClusterTlsConfig(stranger.trustStore().toString(), TestCertificates.PASSWORD,
                null, false));

        assertThatThrownBy(() -> client.get(endpoint(node), "/ping", Map.class))
                .isInstanceOf(ClusterCallException.class)
                .hasMessageContaining("SSLHandshakeException");
    }

    static Stream<Arguments> unusableTrustStores() {
        return Stream.of(
                row("a trust store file that does not exist", "nowhere.p12 is not a readable file",
                        d -> ClusterTlsConfig.trusting(d.resolve("nowhere.p12").toString(), "x")),
                row("a wrong password", "clusterTls.trustStorePassword does not open",
                        d -> ClusterTlsConfig.trusting(cluster.trustStore().toString(), "wrong-password")),
                row("a key store type the JVM does not know",
                        "clusterTls.trustStoreType NOPE is not a key store type",
                        d -> new ClusterTlsConfig(cluster.trustStore().toString(), TestCertificates.PASSWORD,
                                "NOPE", null)),
                row("a file that is not a key store",
                        "notes.txt is not a PKCS12 key store (see clusterTls.trustStoreType)",
                        d -> ClusterTlsConfig.trusting(write(d, "notes.txt", "not a key store"), "x")),
                row("a key store without certificates", "empty.p12 holds no trusted certificate: import the CA",
                        d -> ClusterTlsConfig.trusting(emptyStore(d), TestCertificates.PASSWORD)),
                row("a key store read without its password",
                        "holds no trusted certificate readable without a password: set clusterTls.trustStorePassword",
                        d -> ClusterTlsConfig.trusting(cluster.trustStore().toString(), null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unusableTrustStores")
    void aNodeRefusesToStartWithATrustStoreItCannotUseAndNamesTheKey(String name, String expected,
                                                                     Function<Path, ClusterTlsConfig> config) {
        assertThatThrownBy(() -> ClusterTls.from(config.apply(dir)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("clusterTls.")
                .hasMessageContaining(expected);
    }

    @Test
    void aPasswordWithoutATrustStoreIsAConfigError() {
        assertThatThrownBy(() -> new ClusterTlsConfig(null, "secret", null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("clusterTls.trustStorePassword is set but clusterTls.trustStorePath is not: name the "
                        + "trust store the password opens");
    }

    @Test
    void anAbsentSectionMeansTheJvmsTrustStoreWithHostNamesChecked() {
        assertThat(ClusterTlsConfig.DEFAULTS.hasTrustStore()).isFalse();
        assertThat(ClusterTlsConfig.DEFAULTS.trustStoreType()).isEqualTo("PKCS12");
        assertThat(ClusterTlsConfig.DEFAULTS.verifyHostname()).isTrue();
        assertThat(new ClusterTlsConfig(" ", null, "", null)).isEqualTo(ClusterTlsConfig.DEFAULTS);
    }

    @Test
    void theConfigNeverShowsThePassword() {
        assertThat(ClusterTlsConfig.trusting("/etc/drove/tls/ca.p12", "hunter2").toString())
                .contains("/etc/drove/tls/ca.p12")
                .doesNotContain("hunter2");
    }

    private static Arguments row(String name, String expected, Function<Path, ClusterTlsConfig> config) {
        return Arguments.of(name, expected, config);
    }

    private static ClusterHttpClient client(ClusterTlsConfig config) {
        return new ClusterHttpClient(CREDENTIALS, ClusterClientTimeouts.DEFAULTS, ClusterTls.from(config));
    }

    private static NodeEndpoint endpoint(HttpsServer server) {
        return new NodeEndpoint(NodeTransportType.HTTPS, "127.0.0.1", server.getAddress().getPort());
    }

    /** An https server on loopback that answers every path with {@code {"pong": true}}. */
    private static HttpsServer serve(Path keyStore) throws Exception {
        var store = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(keyStore)) {
            store.load(in, TestCertificates.PASSWORD.toCharArray());
        }
        var keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, TestCertificates.PASSWORD.toCharArray());
        var context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        var server = HttpsServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(context));
        server.createContext("/", exchange -> {
            var body = "{\"pong\": true}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return server;
    }

    private static String write(Path folder, String name, String text) {
        try {
            return Files.writeString(folder.resolve(name), text).toString();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String emptyStore(Path folder) {
        try {
            var store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            var path = folder.resolve("empty.p12");
            try (var out = Files.newOutputStream(path)) {
                store.store(out, TestCertificates.PASSWORD.toCharArray());
            }
            return path.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
