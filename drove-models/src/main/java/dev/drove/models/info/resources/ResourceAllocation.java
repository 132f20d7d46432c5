package dev.drove.models.info.resources;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Resources pinned to one instance or task: whole cores or megabytes, each on a named NUMA node
 * (contract §2.8, {@code resources} of an InstanceInfo).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(value = CPUAllocation.class, name = "CPU"),
               @JsonSubTypes.Type(value = MemoryAllocation.class, name = "MEMORY")})
public sealed interface ResourceAllocation permits CPUAllocation, MemoryAllocation {
}
