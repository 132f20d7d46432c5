package dev.drove.controller.auth;

import dev.drove.common.errors.ApiException;
import dev.drove.models.operation.TaskCreateOperation;
import dev.drove.models.operation.TaskOperation;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * An application or local service instance calling with the token the controller gave it
 * ({@code App-Instance-Authorization}). It is in {@link Roles#INSTANCE} only, and reaches only what belongs to its own
 * application or service.
 *
 * @param instanceId the instance (the token's subject)
 * @param kind       whether it is an application's or a local service's instance
 * @param ownerId    its appId or serviceId
 * @param ownerName  its app name or service name (the {@code sourceAppName} of tasks it may create)
 * @param executorId the executor it was started on
 */
public record InstanceCaller(String instanceId, Kind kind, String ownerId, String ownerName, String executorId)
        implements Caller {
    private static final Logger log = LoggerFactory.getLogger(InstanceCaller.class);

    public enum Kind {
        APPLICATION,
        LOCAL_SERVICE
    }

    /** The instance behind {@code context}, when an instance token authenticated the call. */
    public static Optional<InstanceCaller> of(SecurityContext context) {
        return context != null && context.getUserPrincipal() instanceof InstanceCaller instance
                ? Optional.of(instance) : Optional.empty();
    }

    @Override
    public String getName() {
        return instanceId;
    }

    @Override
    public boolean isInRole(String role) {
        return Roles.INSTANCE.equals(role);
    }

    @Override
    public String describe() {
        return "instance " + instanceId + " of " + (kind == Kind.APPLICATION ? "app " : "local service ") + ownerId;
    }

    /**
     * Whether a path parameter lets this instance through: {@code appId} must be its app, {@code serviceId} its
     * service and {@code sourceAppName} its own name; other parameters (instance and task ids) are not about owners.
     */
    public boolean owns(String pathParam, String value) {
        return switch (pathParam) {
            case "appId" -> kind == Kind.APPLICATION && ownerId.equals(value);
            case "serviceId" -> kind == Kind.LOCAL_SERVICE && ownerId.equals(value);
            case "sourceAppName" -> ownerName.equals(value);
            default -> true;
        };
    }

    /**
     * Refuses (403) a task operation this instance may not submit: only CREATE, and only of a task whose
     * {@code sourceAppName} is its own name.
     */
    public void requireMayRun(TaskOperation operation) {
        if (!(operation instanceof TaskCreateOperation) || !ownerName.equals(operation.sourceAppName())) {
            var why = describe() + " may only CREATE tasks with sourceAppName " + ownerName + ", not "
                    + operation.operationType() + " a task of " + operation.sourceAppName();
            log.warn("Refused a task operation: {}", why);
            throw new ApiException(Response.Status.FORBIDDEN, why);
        }
    }
}
