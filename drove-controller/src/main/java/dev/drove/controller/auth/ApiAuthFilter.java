package dev.drove.controller.auth;

import dev.drove.common.auth.ClusterNodeOnly;
import dev.drove.models.api.ApiResponse;
import jakarta.annotation.Priority;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.reflect.AnnotatedElement;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Authenticates every call to a controller resource except the {@link ClusterNodeOnly} ones (those are
 * {@code ClusterAuthFilter}'s), then checks the resource's {@code @RolesAllowed} so that a refusal names the role it
 * lacks. {@code RolesAllowedDynamicFeature} enforces the same annotations again after this filter.
 *
 * <pre>
 * App-Instance-Authorization: token  -> InstanceAuthenticator -> InstanceCaller   (bad, or instance ended: 401)
 * userAuth off or absent              -> everyone is root (UserCaller.ROOT_WITHOUT_AUTH)
 * GET/HEAD without Authorization, options.disableReadAuth -> UserCaller.ANONYMOUS_READER
 * Authorization: Basic …              -> UserDirectory -> UserCaller             (missing or wrong: 401)
 * then: caller in none of the method's roles, or an instance calling about another app: 403 naming why
 * </pre>
 * Refusals are {@code {status: FAILED, message}}; a 401 carries {@code WWW-Authenticate: Basic realm="drove"} so a
 * browser asks for a login. Both are logged at WARN with the caller's name, method, path and remote address, never a
 * password or token. Calls whose method is in {@code options.auditedHttpMethods} are logged at INFO with the caller.
 * A cluster secret ({@code Cluster-Authorization}) authenticates nobody here.
 */
@Priority(Priorities.AUTHENTICATION)
public final class ApiAuthFilter implements ContainerRequestFilter {
    /** The header instances send their token in, as Drove's client libraries name it. */
    public static final String INSTANCE_AUTHORIZATION = "App-Instance-Authorization";
    static final String CHALLENGE = "Basic realm=\"drove\"";
    private static final Logger log = LoggerFactory.getLogger(ApiAuthFilter.class);

    private final UserAuthConfig userAuth;
    private final boolean disableReadAuth;
    private final Set<String> auditedMethods;
    private final UserDirectory users;
    private final InstanceAuthenticator instances;

    @Context
    private ResourceInfo resource;

    @Context
    private HttpServletRequest servletRequest;

    ApiAuthFilter(UserAuthConfig userAuth, boolean disableReadAuth, List<String> auditedMethods,
                  InstanceAuthenticator instances) {
        this.userAuth = userAuth;
        this.disableReadAuth = disableReadAuth;
        this.auditedMethods = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        this.auditedMethods.addAll(auditedMethods);
        this.users = new UserDirectory(userAuth);
        this.instances = instances;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (isClusterNodeOnly()) {
            return;
        }
        var path = request.getUriInfo().getRequestUri().getRawPath();
        CallerContext context;
        try {
            context = authenticate(request);
        } catch (AuthenticationFailure e) {
            log.warn("Refused {} {} from {} ({}): {}", request.getMethod(), path, remoteAddress(),
                    e.who() == null ? "no valid credentials" : e.who(), e.getMessage());
            request.abortWith(refusal(Response.Status.UNAUTHORIZED, e.getMessage())
                    .header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE).build());
            return;
        }
        var caller = context.caller();
        var forbidden = forbidden(caller, request);
        if (forbidden != null) {
            var why = caller.describe() + " may not call " + request.getMethod() + " " + path + ": " + forbidden;
            log.warn("Refused {} from {}", why, remoteAddress());
            request.abortWith(refusal(Response.Status.FORBIDDEN, why).build());
            return;
        }
        if (context.scheme() != null && auditedMethods.contains(request.getMethod())) {
            log.info("Audit: {} called {} {}", caller.describe(), request.getMethod(), path);
        }
        request.setSecurityContext(context);
    }

    /** Who calls, and how they proved it (no scheme when they needed no proof). */
    private CallerContext authenticate(ContainerRequestContext request) throws AuthenticationFailure {
        var secure = request.getSecurityContext().isSecure();
        var token = request.getHeaderString(INSTANCE_AUTHORIZATION);
        if (token != null) {
            return new CallerContext(instances.authenticate(token), secure, CallerContext.INSTANCE_TOKEN);
        }
        if (!userAuth.enabled()) {
            return new CallerContext(UserCaller.ROOT_WITHOUT_AUTH, secure, null);
        }
        var authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization == null && disableReadAuth && isRead(request.getMethod())) {
            return new CallerContext(UserCaller.ANONYMOUS_READER, secure, null);
        }
        return new CallerContext(users.authenticate(authorization), secure, SecurityContext.BASIC_AUTH);
    }

    /** Why {@code caller} may not call the matched method, or null when it may. */
    private String forbidden(Caller caller, ContainerRequestContext request) {
        var allowed = allowedRoles();
        if (allowed.stream().noneMatch(caller::isInRole)) {
            if (caller instanceof InstanceCaller) {
                return "an instance token reaches only its own application's instances, spec and tasks";
            }
            var granting = UserCaller.rolesGranting(allowed);
            if (!granting.isEmpty()) {
                return "it needs role " + String.join(" or ", granting);
            }
            return allowed.contains(Roles.INSTANCE)
                    ? "only instances may, with their " + INSTANCE_AUTHORIZATION + " token" : "nobody may";
        }
        if (caller instanceof InstanceCaller instance) {
            for (var param : request.getUriInfo().getPathParameters().entrySet()) {
                for (var value : param.getValue()) {
                    if (!instance.owns(param.getKey(), value)) {
                        return param.getKey() + " " + value + " is not its own";
                    }
                }
            }
        }
        return null;
    }

    /**
     * The roles of the matched method: its own {@code @RolesAllowed}/{@code @PermitAll}/{@code @DenyAll}, else its
     * class's; {@link Roles#ANY_USER} when neither says (and for {@code @PermitAll}); none for {@code @DenyAll}.
     */
    private Set<String> allowedRoles() {
        var method = resource == null ? null : resource.getResourceMethod();
        var type = resource == null ? null : resource.getResourceClass();
        var roles = declaredRoles(method);
        if (roles == null) {
            roles = declaredRoles(type);
        }
        return roles == null ? Set.of(Roles.ANY_USER) : roles;
    }

    private static Set<String> declaredRoles(AnnotatedElement element) {
        if (element == null) {
            return null;
        }
        if (element.isAnnotationPresent(DenyAll.class)) {
            return Set.of();
        }
        if (element.isAnnotationPresent(PermitAll.class)) {
            return Set.of(Roles.ANY_USER);
        }
        var rolesAllowed = element.getAnnotation(RolesAllowed.class);
        return rolesAllowed == null ? null : Set.of(rolesAllowed.value());
    }

    private boolean isClusterNodeOnly() {
        var method = resource == null ? null : resource.getResourceMethod();
        var type = resource == null ? null : resource.getResourceClass();
        return method != null && method.isAnnotationPresent(ClusterNodeOnly.class)
                || type != null && type.isAnnotationPresent(ClusterNodeOnly.class);
    }

    private static boolean isRead(String method) {
        var upper = method.toUpperCase(Locale.ROOT);
        return upper.equals(HttpMethod.GET) || upper.equals(HttpMethod.HEAD);
    }

    private String remoteAddress() {
        try {
            return servletRequest == null ? "an unknown address" : servletRequest.getRemoteAddr();
        } catch (IllegalStateException outsideServlet) {
            return "an unknown address";
        }
    }

    private static Response.ResponseBuilder refusal(Response.Status status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(ApiResponse.failure(message));
    }
}
