package dev.drove.models.config;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A file injected into a container at {@link #localFilename()} (docs: snippets/common_configs.md, "Config
 * Specification"). The {@code type} says where its content comes from.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = InlineConfigSpec.class, name = "INLINE"),
        @JsonSubTypes.Type(value = ExecutorLocalFileConfigSpec.class, name = "EXECUTOR_LOCAL_FILE"),
        @JsonSubTypes.Type(value = ControllerHttpFetchConfigSpec.class, name = "CONTROLLER_HTTP_FETCH"),
        @JsonSubTypes.Type(value = ExecutorHttpFetchConfigSpec.class, name = "EXECUTOR_HTTP_FETCH")})
public sealed interface ConfigSpec
        permits InlineConfigSpec, ExecutorLocalFileConfigSpec, ControllerHttpFetchConfigSpec,
        ExecutorHttpFetchConfigSpec {

    /** The absolute path of the file inside the container. */
    String localFilename();
}
