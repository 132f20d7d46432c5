package dev.drove.common.messages;

import dev.drove.models.info.resources.ExecutorResourceSnapshot;
import dev.drove.models.instance.LocalServiceInstanceInfo;

import java.util.Objects;

/** A local service instance changed state; {@code resourceSnapshot} is the executor's resources after the change. */
public record LocalServiceInstanceStateReportMessage(MessageHeader header, ExecutorResourceSnapshot resourceSnapshot,
                                                     LocalServiceInstanceInfo instanceInfo)
        implements ControllerMessage {
    public LocalServiceInstanceStateReportMessage {
        Objects.requireNonNull(header, "header is required");
        Objects.requireNonNull(resourceSnapshot, "resourceSnapshot is required");
        Objects.requireNonNull(instanceInfo, "instanceInfo is required");
    }

    @Override
    public ControllerMessageType type() {
        return ControllerMessageType.LOCAL_SERVICE_INSTANCE_STATE_REPORT;
    }
}
