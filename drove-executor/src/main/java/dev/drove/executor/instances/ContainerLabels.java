package dev.drove.executor.instances;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drove.common.messages.ApplicationInstanceSpec;
import dev.drove.common.messages.InstanceSpec;
import dev.drove.common.messages.LocalServiceInstanceSpec;
import dev.drove.common.messages.TaskInstanceSpec;
import dev.drove.executor.engine.ContainerEngine;
import dev.drove.models.application.JobType;
import dev.drove.models.instance.InstancePort;
import dev.drove.models.json.Json;

import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The labels every instance container carries (contract §3, "Recovery after restart"), and reading them back: they
 * hold everything a restarted executor needs to adopt the container without asking anyone.
 * <pre>
 * drove.instance.id     the instance id
 * drove.job.type        SERVICE | LOCAL_SERVICE | COMPUTATION
 * drove.executor.id     the executor that started it
 * drove.instance.spec   the full instance spec as JSON (it holds the auth token and inline configs)
 * drove.instance.info   the instance info as JSON when the container was created (ports, created time)
 * </pre>
 */
public final class ContainerLabels {
    public static final String INSTANCE_ID = ContainerEngine.INSTANCE_ID_LABEL;
    public static final String JOB_TYPE = "drove.job.type";
    public static final String EXECUTOR_ID = "drove.executor.id";
    public static final String INSTANCE_SPEC = "drove.instance.spec";
    public static final String INSTANCE_INFO = "drove.instance.info";

    private static final ObjectMapper MAPPER = Json.mapper();

    private ContainerLabels() {
    }

    /** The labels of the instance's container, its info as it is now. */
    static Map<String, String> of(TrackedInstance<?> instance) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(INSTANCE_ID, instance.instanceId());
        labels.put(JOB_TYPE, instance.jobType().name());
        labels.put(EXECUTOR_ID, instance.executor().executorId());
        labels.put(INSTANCE_SPEC, json(instance.spec()));
        labels.put(INSTANCE_INFO, json(instance.info()));
        return labels;
    }

    /**
     * What a container's labels say about its instance.
     *
     * @param spec    the instance spec it was started with
     * @param created when the instance was first created (from the info label; now if absent)
     * @param ports   its bound ports by name; empty for tasks
     */
    record Labelled(JobType jobType, InstanceSpec spec, Date created, Map<String, InstancePort> ports) {
    }

    /**
     * Reads the labels of an instance container.
     *
     * @throws IllegalArgumentException when a label is missing or does not parse; the message names it
     */
    static Labelled read(Map<String, String> labels) {
        JobType jobType = jobType(require(labels, JOB_TYPE));
        String specJson = require(labels, INSTANCE_SPEC);
        InstanceSpec spec = parse(specJson, specType(jobType));
        String id = labels.get(INSTANCE_ID);
        if (id != null && !id.equals(spec.instanceId())) {
            throw new IllegalArgumentException("Label " + INSTANCE_ID + " says " + id + " but the spec is for "
                    + spec.instanceId());
        }
        Date created = new Date();
        Map<String, InstancePort> ports = new LinkedHashMap<>();
        String infoJson = labels.get(INSTANCE_INFO);
        if (infoJson != null) {
            JsonNode info = parse(infoJson, JsonNode.class);
            if (info.path("created").canConvertToLong()) {
                created = new Date(info.path("created").asLong());
            }
            info.path("localInfo").path("ports").fields().forEachRemaining(port ->
                    ports.put(port.getKey(), MAPPER.convertValue(port.getValue(), InstancePort.class)));
        }
        return new Labelled(jobType, spec, created, ports);
    }

    private static Class<? extends InstanceSpec> specType(JobType jobType) {
        return switch (jobType) {
            case SERVICE -> ApplicationInstanceSpec.class;
            case LOCAL_SERVICE -> LocalServiceInstanceSpec.class;
            case COMPUTATION -> TaskInstanceSpec.class;
        };
    }

    private static JobType jobType(String value) {
        try {
            return JobType.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Label " + JOB_TYPE + " has the unknown job type '" + value + "'", e);
        }
    }

    private static String require(Map<String, String> labels, String key) {
        String value = labels == null ? null : labels.get(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("The container has no label " + key);
        }
        return value;
    }

    private static String json(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private static <V> V parse(String json, Class<V> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot read the " + type.getSimpleName() + " of a container label: "
                    + e.getOriginalMessage(), e);
        }
    }
}
