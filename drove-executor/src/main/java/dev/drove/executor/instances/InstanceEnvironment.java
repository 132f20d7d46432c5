package dev.drove.executor.instances;

import dev.drove.common.messages.ApplicationInstanceSpec;
import dev.drove.common.messages.InstanceSpec;
import dev.drove.common.messages.LocalServiceInstanceSpec;
import dev.drove.common.messages.TaskInstanceSpec;
import dev.drove.models.instance.InstancePort;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * The environment of an instance's container, in the order the original injects it (contract §3, "Environment
 * injected"; docs: snippets/common_configs.md, "Environment variables"):
 * <pre>
 * HOST=&lt;executor hostname&gt;
 * the spec's env, sorted by name; an empty value takes the executor process's own value, or the variable is dropped
 * DROVE_CONTAINER_ID=&lt;image url&gt;        (the original's quirk: the image, not the container)
 * PORT_&lt;containerPort&gt;=&lt;hostPort&gt;       one per exposed port
 * DROVE_EXECUTOR_HOST=&lt;executor hostname&gt;
 * application:   DROVE_INSTANCE_ID, DROVE_APP_ID, DROVE_APP_NAME, DROVE_APP_INSTANCE_AUTH_TOKEN
 * local service: DROVE_SERVICE_ID, DROVE_SERVICE_NAME, DROVE_SERVICE_INSTANCE_ID, DROVE_APP_INSTANCE_AUTH_TOKEN
 * task:          DROVE_TASK_ID, DROVE_INSTANCE_ID, DROVE_SOURCE_APP_NAME
 *                (+ DROVE_APP_INSTANCE_AUTH_TOKEN when it has one)
 * </pre>
 * A variable set twice keeps its first place and its last value.
 */
final class InstanceEnvironment {
    private final UnaryOperator<String> executorEnv;

    /** @param executorEnv the executor process's own environment, e.g. {@code System::getenv} */
    InstanceEnvironment(UnaryOperator<String> executorEnv) {
        this.executorEnv = executorEnv;
    }

    Map<String, String> of(InstanceSpec spec, String hostname, String image, Iterable<InstancePort> ports) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("HOST", hostname);
        new TreeMap<>(spec.env()).forEach((name, value) -> {
            String resolved = value == null || value.isEmpty() ? executorEnv.apply(name) : value;
            if (resolved != null) {
                env.put(name, resolved);
            }
        });
        env.put("DROVE_CONTAINER_ID", image);
        ports.forEach(port -> env.put("PORT_" + port.containerPort(), Integer.toString(port.hostPort())));
        env.put("DROVE_EXECUTOR_HOST", hostname);
        if (spec instanceof ApplicationInstanceSpec app) {
            env.put("DROVE_INSTANCE_ID", app.instanceId());
            env.put("DROVE_APP_ID", app.appId());
            env.put("DROVE_APP_NAME", text(app.appName()));
            env.put("DROVE_APP_INSTANCE_AUTH_TOKEN", text(app.instanceAuthToken()));
        } else if (spec instanceof LocalServiceInstanceSpec service) {
            env.put("DROVE_SERVICE_ID", service.serviceId());
            env.put("DROVE_SERVICE_NAME", text(service.serviceName()));
            env.put("DROVE_SERVICE_INSTANCE_ID", service.instanceId());
            env.put("DROVE_APP_INSTANCE_AUTH_TOKEN", text(service.instanceAuthToken()));
        } else if (spec instanceof TaskInstanceSpec task) {
            env.put("DROVE_TASK_ID", task.taskId());
            env.put("DROVE_INSTANCE_ID", task.instanceId());
            env.put("DROVE_SOURCE_APP_NAME", task.sourceAppName());
            if (task.instanceAuthToken() != null && !task.instanceAuthToken().isEmpty()) {
                env.put("DROVE_APP_INSTANCE_AUTH_TOKEN", task.instanceAuthToken());
            }
        } else {
            throw new IllegalArgumentException("No environment rules for " + spec);
        }
        return env;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
