package dev.drove.controller.api;

import dev.drove.common.auth.ClusterNodeOnly;
import dev.drove.controller.auth.Roles;
import io.dropwizard.jersey.DropwizardResourceConfig;
import jakarta.annotation.security.RolesAllowed;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Every HTTP method and path a Jersey environment serves, as {@code "GET /apis/v1/applications/{appId}"}, read from
 * the resource classes and instances registered with it (class and method {@code @Path}s, HTTP method annotations,
 * child resources), each with the role the docs name for it. Template regular expressions are dropped:
 * {@code {file: .+}} is written {@code {file}}.
 *
 * <p>The role comes from the method's annotations, or its class's: {@code @ClusterNodeOnly} is CLUSTER_NODE; a
 * {@code @RolesAllowed} naming the maintenance, read-write or log-reader role is MAINTENANCE, READ_WRITE or
 * LOG_READER; one naming only the instance role is INSTANCE; anything else (any user, or no annotation) is READ.
 */
final class RegisteredEndpoints {
    private RegisteredEndpoints() {
    }

    /** Endpoint to role, sorted by endpoint. */
    static Map<String, String> of(DropwizardResourceConfig jersey) {
        var endpoints = new TreeMap<String, String>();
        Stream.concat(jersey.getClasses().stream(), jersey.getInstances().stream().map(Object::getClass))
                .filter(Resource::isAcceptable)
                .filter(type -> type.isAnnotationPresent(jakarta.ws.rs.Path.class))
                .map(Resource::from)
                .forEach(resource -> collect("", resource, endpoints));
        jersey.getResources().forEach(resource -> collect("", resource, endpoints));
        return endpoints;
    }

    private static void collect(String parent, Resource resource, Map<String, String> endpoints) {
        var path = join(parent, resource.getPath());
        resource.getResourceMethods().forEach(method -> endpoints.put(method.getHttpMethod() + " " + path,
                role(method)));
        for (var child : resource.getChildResources()) {
            collect(path, child, endpoints);
        }
    }

    private static String role(ResourceMethod resourceMethod) {
        Method method = resourceMethod.getInvocable().getDefinitionMethod();
        Class<?> type = resourceMethod.getInvocable().getHandler().getHandlerClass();
        if (method.isAnnotationPresent(ClusterNodeOnly.class) || type.isAnnotationPresent(ClusterNodeOnly.class)) {
            return "CLUSTER_NODE";
        }
        var allowed = method.getAnnotation(RolesAllowed.class);
        if (allowed == null) {
            allowed = type.getAnnotation(RolesAllowed.class);
        }
        var roles = allowed == null ? Set.<String>of() : Set.of(allowed.value());
        if (roles.contains(Roles.MAINTENANCE)) {
            return "MAINTENANCE";
        }
        if (roles.contains(Roles.READ_WRITE)) {
            return "READ_WRITE";
        }
        if (roles.contains(Roles.LOG_READER)) {
            return "LOG_READER";
        }
        return roles.equals(Set.of(Roles.INSTANCE)) ? "INSTANCE" : "READ";
    }

    /** Joins two template paths with one slash between them and none at the end; drops template regexes. */
    static String join(String parent, String child) {
        var parts = new ArrayList<String>();
        for (var piece : List.of(parent, child == null ? "" : child)) {
            for (var segment : piece.split("/")) {
                if (!segment.isEmpty()) {
                    parts.add(segment.replaceAll("\\{\\s*(\\w+)\\s*:.*}", "{$1}"));
                }
            }
        }
        return "/" + String.join("/", parts);
    }
}
