package dev.drove.models.info.resources;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** The free and used part of one kind of resource on an executor, per NUMA node ({@code state.cpus|memory}). */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(value = AvailableCPU.class, name = "CPU"),
               @JsonSubTypes.Type(value = AvailableMemory.class, name = "MEMORY")})
public sealed interface AvailableResource permits AvailableCPU, AvailableMemory {
}
