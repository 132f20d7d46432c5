/**
 * HTTP between cluster nodes: {@link dev.drove.common.http.ClusterHttpClient} sends JSON to a
 * {@link dev.drove.common.http.NodeEndpoint} with the sender's cluster credentials and returns a
 * {@link dev.drove.common.http.ClusterResponse} (status, parsed body, text), or throws
 * {@link dev.drove.common.http.ClusterCallException} when no answer came within the
 * {@link dev.drove.common.http.ClusterClientTimeouts}. Nothing here retries.
 *
 * <pre>
 * post(endpoint, "/apis/v1/messages", message, MessageResponse.class)
 *   -> POST http://host:port/apis/v1/messages  NodeId, Node-Type, Cluster-Authorization, JSON body
 *   <- ClusterResponse(200, MessageResponse, text)   |  ClusterCallException("... timed out")
 * </pre>
 *
 * <p>TLS: a node listens on https when its first application connector is {@code type: https};
 * {@link dev.drove.common.http.ServerEndpoints} then advertises {@code transportType: HTTPS} in its node data and
 * peers call {@code https://host:port}. What a caller trusts is {@link dev.drove.common.http.ClusterTls}, made once
 * at start from the {@code clusterTls} section ({@link dev.drove.common.http.ClusterTlsConfig}); it is the one
 * factory of every inter-node {@code HttpClient}.
 *
 * <pre>
 * clusterTls: {trustStorePath, trustStorePassword, trustStoreType, verifyHostname}
 *   -> ClusterTls.from (fails at start naming the key) -> newHttpClient(connectTimeout)
 *        -> ClusterHttpClient (messages, log file reads), leader forwarding, log downloads
 * absent -> ClusterTls.jvmDefault(): the JVM's cacerts, host names checked
 * </pre>
 *
 * <p>Not cluster traffic: {@link dev.drove.common.http.HttpCallRunner} (config fetches a spec describes) and the
 * executor's instance checks use their own clients; only they may use {@link dev.drove.common.http.InsecureTls}, and
 * only when the spec says {@code insecure}.
 */
package dev.drove.common.http;
