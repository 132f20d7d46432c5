package dev.drove.models.operation;

import jakarta.validation.constraints.NotEmpty;

/** Deactivates a service: its instances stop. Also submitted as {@code "type": "STOP"}. */
public record LocalServiceDeactivateOperation(@NotEmpty String serviceId) implements LocalServiceOperation {

    @Override
    public LocalServiceOperationType operationType() {
        return LocalServiceOperationType.DEACTIVATE;
    }
}
