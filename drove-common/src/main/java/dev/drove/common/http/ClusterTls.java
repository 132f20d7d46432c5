package dev.drove.common.http;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.UnrecoverableKeyException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;

/**
 * How this node connects to its peers: the one factory of every inter-node {@link HttpClient} (the
 * {@link ClusterHttpClient}, a follower's forwarding to the leader, the controller's log downloads from executors),
 * so all of them trust the same certificates, made from the {@code clusterTls} section.
 *
 * <p>Built once at start with {@link #from(ClusterTlsConfig)}, which fails with the config key named when the trust
 * store cannot be used, so a node never runs with trust it was not given. Never trusts every certificate: that is
 * {@link InsecureTls}, for user-specified calls that ask for it, never for cluster traffic. Immutable; share it.
 */
public final class ClusterTls {
    private final ClusterTlsConfig config;
    private final SSLContext sslContext;

    private ClusterTls(ClusterTlsConfig config, SSLContext sslContext) {
        this.config = config;
        this.sslContext = sslContext;
    }

    /** The JVM's default trust with host names checked: what a node without a {@code clusterTls} section uses. */
    public static ClusterTls jvmDefault() {
        return new ClusterTls(ClusterTlsConfig.DEFAULTS, null);
    }

    /**
     * The trust {@code config} describes.
     *
     * @throws IllegalArgumentException naming the {@code clusterTls} key at fault when the trust store is missing,
     *                                  unreadable, of another type, not opened by the password or holds no trusted
     *                                  certificate
     */
    public static ClusterTls from(ClusterTlsConfig config) {
        if (!config.hasTrustStore() && config.verifyHostname()) {
            return new ClusterTls(config, null);
        }
        var trustStore = config.hasTrustStore() ? load(config) : null;
        try {
            var factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trustStore);
            var trustManager = Arrays.stream(factory.getTrustManagers())
                    .filter(X509TrustManager.class::isInstance)
                    .map(X509TrustManager.class::cast)
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("The JVM offers no X.509 trust manager"));
            var context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[]{config.verifyHostname() ? trustManager
                    : new AnyHostnameTrustManager(trustManager)}, null);
            return new ClusterTls(config, context);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("clusterTls: cannot set up TLS with the trust store "
                    + config.trustStorePath() + ": " + e.getMessage(), e);
        }
    }

    private static KeyStore load(ClusterTlsConfig config) {
        var path = Path.of(config.trustStorePath());
        var type = config.trustStoreType();
        KeyStore store;
        try {
            store = KeyStore.getInstance(type);
        } catch (KeyStoreException e) {
            throw new IllegalArgumentException("clusterTls.trustStoreType " + type + " is not a key store type this "
                    + "JVM knows; use PKCS12 or JKS", e);
        }
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new IllegalArgumentException("clusterTls.trustStorePath " + path + " is not a readable file");
        }
        var password = config.trustStorePassword() == null ? null : config.trustStorePassword().toCharArray();
        try (InputStream in = Files.newInputStream(path)) {
            store.load(in, password);
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw new IllegalArgumentException("clusterTls.trustStorePassword does not open the trust store "
                        + path, e);
            }
            throw new IllegalArgumentException("clusterTls.trustStorePath " + path + " is not a " + type
                    + " key store (see clusterTls.trustStoreType)"
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("clusterTls.trustStorePath " + path + " cannot be read as a " + type
                    + " key store: " + e.getMessage(), e);
        }
        if (countTrustedCertificates(store) == 0) {
            throw new IllegalArgumentException("clusterTls.trustStorePath " + path + " holds no trusted certificate"
                    + (password == null ? " readable without a password: set clusterTls.trustStorePassword"
                    : ": import the CA that signs the nodes' certificates with keytool -importcert"));
        }
        return store;
    }

    private static long countTrustedCertificates(KeyStore store) {
        try {
            var count = 0L;
            for (var alias : Collections.list(store.aliases())) {
                if (store.isCertificateEntry(alias)) {
                    count++;
                }
            }
            return count;
        } catch (KeyStoreException e) {
            throw new IllegalStateException("A loaded key store cannot list its entries", e);
        }
    }

    /** What this trust was made from. */
    public ClusterTlsConfig config() {
        return config;
    }

    /**
     * A new client for calls to other cluster nodes: HTTP/1.1, redirects never followed (a peer that redirects is
     * misconfigured, and credentials must not follow), this node's trust for https.
     */
    public HttpClient newHttpClient(Duration connectTimeout) {
        var builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER);
        if (sslContext != null) {
            builder.sslContext(sslContext);
        }
        return builder.build();
    }

    /**
     * Why a call to another node got no answer, as an operator reads it: the exception's class and message, and for a
     * failed TLS handshake where to look.
     */
    public static String explain(IOException e) {
        var message = e.getMessage();
        var name = e.getClass().getSimpleName();
        var text = message == null || message.isBlank() ? name : name + ": " + message;
        if (e instanceof SSLHandshakeException) {
            return text + " (TLS between nodes: this node's clusterTls trust store must hold the CA that signed the "
                    + "other node's certificate, and that certificate must name the host this node called)";
        }
        return text;
    }
}
