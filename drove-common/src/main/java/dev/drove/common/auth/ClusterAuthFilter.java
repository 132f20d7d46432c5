package dev.drove.common.auth;

import dev.drove.models.api.ApiResponse;
import dev.drove.models.info.nodedata.NodeType;
import dev.drove.models.json.Json;
import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Lets a call to a {@link ClusterNodeOnly} resource through only when it comes from a cluster node allowed there:
 * {@code Node-Type} is one of the annotation's {@code from} types and {@code Cluster-Authorization} equals that type's
 * configured secret (compared in constant time). Anything else, including a user's HTTP Basic credentials, is
 * answered 401 with {@code {"status": "FAILED", "message": ...}} and logged as a WARN naming the remote address and
 * the claimed {@code NodeId}, never the secret. An accepted call runs as a {@link ClusterNodePrincipal}.
 *
 * <p>Register one instance per Jersey environment: {@code environment.jersey().register(new
 * ClusterAuthFilter(config))}. It warns at construction when a development secret is in use.
 */
@ClusterNodeOnly
@Priority(Priorities.AUTHENTICATION)
public final class ClusterAuthFilter implements ContainerRequestFilter {
    private static final Logger log = LoggerFactory.getLogger(ClusterAuthFilter.class);
    /** The role of an accepted caller, as the original names it, for resources that also check roles. */
    public static final String CLUSTER_NODE_ROLE = "DROVE_CLUSTER_NODE";
    private static final String SCHEME = "CLUSTER_SECRET";

    private final ClusterAuthConfig config;

    @Context
    private ResourceInfo resourceInfo;

    @Context
    private HttpServletRequest servletRequest;

    public ClusterAuthFilter(ClusterAuthConfig config) {
        this.config = config;
        var defaulted = Arrays.stream(NodeType.values()).filter(config::usesDevelopmentSecret).toList();
        if (!defaulted.isEmpty()) {
            log.warn("Cluster auth uses the public development secret for {}; set clusterAuth.secrets in the config "
                    + "of every node before running a real cluster", defaulted);
        }
    }

    @Override
    public void filter(ContainerRequestContext request) {
        var nodeId = request.getHeaderString(ClusterHeaders.NODE_ID);
        var refusal = refusal(request, allowedSenders());
        if (refusal != null) {
            log.warn("Refused cluster call {} {} from {} (NodeId {}): {}", request.getMethod(),
                    request.getUriInfo().getRequestUri().getPath(), remoteAddress(),
                    nodeId == null ? "not sent" : nodeId, refusal);
            request.abortWith(Response.status(Response.Status.UNAUTHORIZED)
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(envelope(refusal))
                    .build());
            return;
        }
        var principal = new ClusterNodePrincipal(nodeId == null ? "unknown" : nodeId,
                nodeType(request.getHeaderString(ClusterHeaders.NODE_TYPE)));
        request.setSecurityContext(new NodeSecurityContext(principal, request.getSecurityContext().isSecure()));
    }

    /** Why the call is refused, or null when it may pass. The reason goes to the caller and the log. */
    private String refusal(ContainerRequestContext request, Set<NodeType> allowed) {
        var typeHeader = request.getHeaderString(ClusterHeaders.NODE_TYPE);
        var secret = request.getHeaderString(ClusterHeaders.CLUSTER_AUTHORIZATION);
        if (typeHeader == null || secret == null) {
            return "Cluster node credentials are required (headers " + ClusterHeaders.NODE_TYPE + " and "
                    + ClusterHeaders.CLUSTER_AUTHORIZATION + ")";
        }
        var type = nodeType(typeHeader);
        if (type == null) {
            return "Unknown node type '" + typeHeader + "'";
        }
        if (!allowed.contains(type)) {
            return "Node type " + type + " may not call this endpoint; allowed: " + allowed;
        }
        if (!sameSecret(secret, config.secretFor(type))) {
            return "Wrong cluster secret for node type " + type;
        }
        return null;
    }

    /** The node type a {@code Node-Type} header names, in any case; null when it names none. */
    private static NodeType nodeType(String header) {
        try {
            return NodeType.valueOf(header.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The {@code from} of the method's annotation, else of its class's; both types when neither can be read. */
    private Set<NodeType> allowedSenders() {
        ClusterNodeOnly annotation = null;
        if (resourceInfo != null && resourceInfo.getResourceMethod() != null) {
            annotation = resourceInfo.getResourceMethod().getAnnotation(ClusterNodeOnly.class);
        }
        if (annotation == null && resourceInfo != null && resourceInfo.getResourceClass() != null) {
            annotation = resourceInfo.getResourceClass().getAnnotation(ClusterNodeOnly.class);
        }
        if (annotation == null || annotation.from().length == 0) {
            return EnumSet.allOf(NodeType.class);
        }
        return Arrays.stream(annotation.from()).collect(Collectors.toCollection(() -> EnumSet.noneOf(NodeType.class)));
    }

    private String remoteAddress() {
        try {
            return servletRequest == null ? "an unknown address" : servletRequest.getRemoteAddr();
        } catch (IllegalStateException outsideServlet) {
            return "an unknown address";
        }
    }

    /** Compares digests, so neither the content nor the length of the configured secret leaks through timing. */
    private static boolean sameSecret(String given, String expected) {
        try {
            var sha = MessageDigest.getInstance("SHA-256");
            var givenDigest = sha.digest(given.getBytes(StandardCharsets.UTF_8));
            var expectedDigest = sha.digest(expected.getBytes(StandardCharsets.UTF_8));
            return MessageDigest.isEqual(givenDigest, expectedDigest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }

    /** The envelope as JSON text, written by the project's mapper whatever mapper the host application uses. */
    private static String envelope(String message) {
        try {
            return Json.mapper().writeValueAsString(ApiResponse.failure(message));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Could not write an ApiResponse", e);
        }
    }

    /** The security context of an accepted cluster call. */
    private record NodeSecurityContext(ClusterNodePrincipal principal, boolean secure) implements SecurityContext {
        @Override
        public Principal getUserPrincipal() {
            return principal;
        }

        @Override
        public boolean isUserInRole(String role) {
            return CLUSTER_NODE_ROLE.equals(role);
        }

        @Override
        public boolean isSecure() {
            return secure;
        }

        @Override
        public String getAuthenticationScheme() {
            return SCHEME;
        }
    }
}
