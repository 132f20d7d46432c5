package dev.drove.common.messages;

import dev.drove.models.info.resources.ExecutorResourceSnapshot;
import dev.drove.models.instance.InstanceInfo;

import java.util.Objects;

/** An application instance changed state; {@code resourceSnapshot} is the executor's resources after the change. */
public record InstanceStateReportMessage(MessageHeader header, ExecutorResourceSnapshot resourceSnapshot,
                                         InstanceInfo instanceInfo) implements ControllerMessage {
    public InstanceStateReportMessage {
        Objects.requireNonNull(header, "header is required");
        Objects.requireNonNull(resourceSnapshot, "resourceSnapshot is required");
        Objects.requireNonNull(instanceInfo, "instanceInfo is required");
    }

    @Override
    public ControllerMessageType type() {
        return ControllerMessageType.INSTANCE_STATE_REPORT;
    }
}
