package dev.drove.models.operation;

import jakarta.validation.constraints.NotEmpty;

/** Activates a service: its instances start on every eligible executor. */
public record LocalServiceActivateOperation(@NotEmpty String serviceId) implements LocalServiceOperation {

    @Override
    public LocalServiceOperationType operationType() {
        return LocalServiceOperationType.ACTIVATE;
    }
}
