package dev.drove.models.operation;

import jakarta.validation.constraints.NotEmpty;

/** Removes an inactive service and its metadata. */
public record LocalServiceDestroyOperation(@NotEmpty String serviceId) implements LocalServiceOperation {

    @Override
    public LocalServiceOperationType operationType() {
        return LocalServiceOperationType.DESTROY;
    }
}
