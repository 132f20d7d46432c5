package dev.drove.models.api;

/**
 * The {@code data} of an accepted operation: the id of the application, task or local service it acts on. Exactly one
 * field is set; the others are omitted from the JSON.
 */
public record OperationAccepted(String appId, String taskId, String serviceId) {
    public static OperationAccepted forApp(String appId) {
        return new OperationAccepted(appId, null, null);
    }

    public static OperationAccepted forTask(String taskId) {
        return new OperationAccepted(null, taskId, null);
    }

    public static OperationAccepted forLocalService(String serviceId) {
        return new OperationAccepted(null, null, serviceId);
    }
}
