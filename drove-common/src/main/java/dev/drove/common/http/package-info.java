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
 */
package dev.drove.common.http;
