package dev.drove.common.http;

import com.fasterxml.jackson.annotation.JsonAnySetter;

/**
 * Ours: the {@code clusterTls} config section, the same on every node of a cluster. It says which certificates this
 * node trusts when it calls other controllers and executors over https (docs/configuration.md, "TLS"). How this
 * node itself listens is the server's https connector, not this section.
 *
 * <pre>
 * clusterTls:
 *   trustStorePath: /etc/drove/tls/cluster-ca.p12
 *   trustStorePassword: changeit
 *   trustStoreType: PKCS12
 *   verifyHostname: true
 * </pre>
 *
 * <p>An absent section ({@link #DEFAULTS}) or an absent {@code trustStorePath} trusts what the JVM trusts (its
 * {@code cacerts}). There is no way to trust every certificate here: peers are always checked.
 *
 * @param trustStorePath     the key store with the trusted CA certificates; null: the JVM's default trust store
 * @param trustStorePassword the password that opens it; needed for a PKCS12 store made by keytool
 * @param trustStoreType     {@code PKCS12} when absent; {@code JKS} for older stores
 * @param verifyHostname     whether a peer's certificate must name the host it is called by (its advertised
 *                           hostname or IP address); true when absent. Turn it off only when certificates cannot
 *                           carry the names nodes advertise: the CA check still applies
 */
public record ClusterTlsConfig(String trustStorePath, String trustStorePassword, String trustStoreType,
                               Boolean verifyHostname) {
    public static final String DEFAULT_TRUST_STORE_TYPE = "PKCS12";

    /** Used when the section is absent: the JVM's default trust, host names checked. */
    public static final ClusterTlsConfig DEFAULTS = new ClusterTlsConfig(null, null, null, null);

    public ClusterTlsConfig {
        trustStorePath = trustStorePath == null || trustStorePath.isBlank() ? null : trustStorePath;
        trustStoreType = trustStoreType == null || trustStoreType.isBlank() ? DEFAULT_TRUST_STORE_TYPE : trustStoreType;
        verifyHostname = verifyHostname == null || verifyHostname;
        if (trustStorePath == null && trustStorePassword != null && !trustStorePassword.isEmpty()) {
            throw new IllegalArgumentException("clusterTls.trustStorePassword is set but clusterTls.trustStorePath "
                    + "is not: name the trust store the password opens");
        }
    }

    /** A config trusting the CAs in the {@code PKCS12} store at {@code path}, host names checked. */
    public static ClusterTlsConfig trusting(String path, String password) {
        return new ClusterTlsConfig(path, password, null, null);
    }

    /** Whether a trust store is configured (else the JVM's default trust applies). */
    public boolean hasTrustStore() {
        return trustStorePath != null;
    }

    /**
     * Refuses keys this section does not have. Elsewhere unknown keys are ignored (as the original's contract), but a
     * misspelled trust setting would silently fall back to the JVM's trust; better to stop at start and say so.
     */
    @JsonAnySetter
    void refuseUnknownKey(String key, Object value) {
        throw new IllegalArgumentException("clusterTls has no key " + key + "; its keys are trustStorePath, "
                + "trustStorePassword, trustStoreType and verifyHostname");
    }

    /** Never shows the password: configs end up in logs. */
    @Override
    public String toString() {
        return "ClusterTlsConfig[trustStorePath=" + trustStorePath + ", trustStorePassword="
                + (trustStorePassword == null ? "null" : "****") + ", trustStoreType=" + trustStoreType
                + ", verifyHostname=" + verifyHostname + "]";
    }
}
