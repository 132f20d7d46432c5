package dev.drove.models.application.devices;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** A host device made available to a container, in one of docker's two ways. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = DirectDeviceSpec.class, name = "DIRECT"),
        @JsonSubTypes.Type(value = DetailedDeviceSpec.class, name = "DETAILED")})
public sealed interface DeviceSpec permits DirectDeviceSpec, DetailedDeviceSpec {
}
