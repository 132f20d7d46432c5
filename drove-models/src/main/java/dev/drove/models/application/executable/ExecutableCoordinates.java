package dev.drove.models.application.executable;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Where the program of a container comes from (docs: snippets/common_configs.md, "Executable Specification").
 * Only {@code DOCKER} exists; an absent or unknown {@code type} is rejected rather than guessed.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(value = DockerCoordinates.class, name = "DOCKER")})
public sealed interface ExecutableCoordinates permits DockerCoordinates {
}
