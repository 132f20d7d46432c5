package dev.drove.models.instance;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where an instance can be reached: the executor's host name and, per port name of the spec, the port mapping.
 * Absent (null) in an {@link InstanceInfo} until the container has been started.
 */
public record LocalInstanceInfo(String hostname, Map<String, InstancePort> ports) {
    public LocalInstanceInfo {
        ports = ports == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(ports));
    }
}
