package dev.drove.controller.api;

import dev.drove.common.auth.ClusterHeaders;
import dev.drove.common.discovery.NodeDataStore;
import dev.drove.common.http.ClusterTls;
import dev.drove.common.http.NodeEndpoint;
import dev.drove.controller.auth.ApiAuthFilter;
import dev.drove.controller.leadership.LeaderElection;
import dev.drove.models.api.ApiResponse;
import dev.drove.models.info.nodedata.ControllerNodeData;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Lets any controller answer the API: on a follower, every call under {@code /apis/v1/} except {@code /ping} is
 * relayed to the leader (the controller whose {@code /controller/*} entry says {@code leader: true}) with the same
 * method, path, query and body, its Content-Type, Accept, Authorization, App-Instance-Authorization and cluster-auth
 * headers, plus {@value #FORWARDED_BY}: {@code <this host:port>}. The leader's status, body, Content-Type, Location,
 * Content-Disposition (log file downloads) and WWW-Authenticate (a 401's login prompt) come back unchanged. The
 * original refuses such calls instead.
 *
 * <p>A call that already carries {@value #FORWARDED_BY} is never forwarded again, so a stale view of who leads
 * cannot make controllers bounce a call between them: it is answered 503 {@code {status: FAILED, message: "No leader
 * controller …"}}, as is a call when no leader is known or the leader does not answer. Runs before resource matching
 * and authentication: the leader authenticates the forwarded call with the same credentials.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public final class LeaderForwardingFilter implements ContainerRequestFilter {
    public static final String FORWARDED_BY = "X-Drove-Forwarded-By";
    private static final List<String> FORWARDED_HEADERS = List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.ACCEPT,
            HttpHeaders.AUTHORIZATION, ApiAuthFilter.INSTANCE_AUTHORIZATION, ClusterHeaders.NODE_ID,
            ClusterHeaders.NODE_TYPE, ClusterHeaders.CLUSTER_AUTHORIZATION);
    private static final List<String> RELAYED_HEADERS = List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.LOCATION,
            HttpHeaders.CONTENT_DISPOSITION, HttpHeaders.WWW_AUTHENTICATE);
    private static final String API = "/apis/v1/";
    private static final String PING = "/apis/v1/ping";
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(LeaderForwardingFilter.class);

    private final LeaderElection election;
    private final NodeDataStore nodes;
    private final NodeEndpoint self;
    private final HttpClient http;

    /**
     * @param self where this controller listens, as it publishes itself; named in {@value #FORWARDED_BY}
     * @param tls  this node's trust in other nodes' certificates, for a leader that listens on https
     */
    public LeaderForwardingFilter(LeaderElection election, NodeDataStore nodes, NodeEndpoint self, ClusterTls tls) {
        this.election = election;
        this.nodes = nodes;
        this.self = self;
        this.http = tls.newHttpClient(CONNECT_TIMEOUT);
    }

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        var path = request.getUriInfo().getRequestUri().getRawPath();
        if (path == null || !path.startsWith(API) || isPing(path) || election.isLeader()) {
            return;
        }
        var forwardedBy = request.getHeaderString(FORWARDED_BY);
        if (forwardedBy != null) {
            log.warn("Not forwarding {} {} again: {} forwarded it here, but {} is not the leader either",
                    request.getMethod(), path, forwardedBy, name(self));
            request.abortWith(noLeader("No leader controller could answer: " + forwardedBy + " forwarded this call "
                    + "to " + name(self) + ", which is not the leader either; try again in a few seconds"));
            return;
        }
        var leader = leader();
        if (leader.isEmpty()) {
            request.abortWith(noLeader("No leader controller is known to " + name(self)
                    + "; try again in a few seconds"));
            return;
        }
        request.abortWith(relay(request, path, leader.get()));
    }

    private static boolean isPing(String path) {
        return path.equals(PING) || path.equals(PING + "/");
    }

    /** The most recently updated controller entry that claims leadership, other than this controller's own. */
    private Optional<NodeEndpoint> leader() {
        return nodes.controllers().stream()
                .filter(ControllerNodeData::leader)
                .filter(node -> !(node.hostname().equals(self.hostname()) && node.port() == self.port()))
                .max(Comparator.comparing(node -> node.updated() == null ? 0L : node.updated().getTime()))
                .map(NodeEndpoint::of);
    }

    private Response relay(ContainerRequestContext request, String path, NodeEndpoint leader) throws IOException {
        var query = request.getUriInfo().getRequestUri().getRawQuery();
        var target = leader.uri(query == null ? path : path + "?" + query);
        var body = request.hasEntity() ? request.getEntityStream().readAllBytes() : new byte[0];
        var call = HttpRequest.newBuilder(target)
                .timeout(RESPONSE_TIMEOUT)
                .method(request.getMethod(), body.length == 0
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body))
                .header(FORWARDED_BY, name(self));
        for (var header : FORWARDED_HEADERS) {
            var value = request.getHeaderString(header);
            if (value != null) {
                call.header(header, value);
            }
        }
        try {
            var answer = http.send(call.build(), HttpResponse.BodyHandlers.ofByteArray());
            log.debug("Forwarded {} {} to the leader {}: {}", request.getMethod(), path, leader, answer.statusCode());
            var response = Response.status(answer.statusCode());
            for (var header : RELAYED_HEADERS) {
                answer.headers().firstValue(header).ifPresent(value -> response.header(header, value));
            }
            return answer.body().length == 0 ? response.build() : response.entity(answer.body()).build();
        } catch (IOException e) {
            log.warn("The leader {} did not answer {} {} forwarded by {}: {}", leader, request.getMethod(), path,
                    name(self), ClusterTls.explain(e));
            return noLeader("No leader controller answered: " + leader + " could not be reached ("
                    + e.getClass().getSimpleName() + "); try again in a few seconds");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return noLeader("No leader controller answered: forwarding to " + leader + " was interrupted");
        }
    }

    private static Response noLeader(String message) {
        return Response.status(Response.Status.SERVICE_UNAVAILABLE)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ApiResponse.failure(message))
                .build();
    }

    private static String name(NodeEndpoint node) {
        return node.hostname() + ":" + node.port();
    }
}
