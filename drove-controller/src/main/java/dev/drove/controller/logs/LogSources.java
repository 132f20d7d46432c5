package dev.drove.controller.logs;

import dev.drove.common.errors.ApiException;
import dev.drove.controller.statestore.InstanceStore;
import dev.drove.controller.statestore.LocalServiceInstanceStore;
import dev.drove.controller.statestore.TaskStore;
import jakarta.inject.Inject;

/**
 * Finds the {@link LogSource} of an application instance, a task or a local service instance from the state store.
 * An id the store does not know, or an instance not yet placed on an executor, is a 404 naming it.
 */
final class LogSources {
    private final InstanceStore instances;
    private final TaskStore tasks;
    private final LocalServiceInstanceStore serviceInstances;

    @Inject
    LogSources(InstanceStore instances, TaskStore tasks, LocalServiceInstanceStore serviceInstances) {
        this.instances = instances;
        this.tasks = tasks;
        this.serviceInstances = serviceInstances;
    }

    LogSource application(String appId, String instanceId) {
        var what = "instance " + instanceId + " of app " + appId;
        var instance = instances.find(appId, instanceId).orElseThrow(() -> notFound(what));
        return placed(instance.executorId(), instance.appId(), instance.instanceId(), what);
    }

    LogSource task(String sourceAppName, String taskId) {
        var what = "task " + taskId + " of app " + sourceAppName;
        var task = tasks.find(sourceAppName, taskId).orElseThrow(() -> notFound(what));
        return placed(task.executorId(), task.sourceAppName(), task.taskId(), what);
    }

    LogSource localService(String serviceId, String instanceId) {
        var what = "instance " + instanceId + " of local service " + serviceId;
        var instance = serviceInstances.find(serviceId, instanceId).orElseThrow(() -> notFound(what));
        return placed(instance.executorId(), instance.serviceId(), instance.instanceId(), what);
    }

    private static LogSource placed(String executorId, String first, String second, String what) {
        if (executorId == null || executorId.isBlank()) {
            throw ApiException.notFound("There are no log files of %s: it has not been placed on an executor", what);
        }
        return new LogSource(executorId, first, second, what);
    }

    private static ApiException notFound(String what) {
        var text = Character.toUpperCase(what.charAt(0)) + what.substring(1) + " not found";
        return new ApiException(jakarta.ws.rs.core.Response.Status.NOT_FOUND, text);
    }
}
