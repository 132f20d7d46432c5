package dev.drove.models.operation;

import dev.drove.models.localservice.LocalServiceSpec;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * Creates a local service (inactive) from its spec.
 *
 * @param instancesPerHost how many instances each eligible executor will run, 1..256
 */
public record LocalServiceCreateOperation(@NotNull @Valid LocalServiceSpec spec, @Min(1) @Max(256) int instancesPerHost)
        implements LocalServiceOperation {

    @Override
    public String serviceId() {
        return spec == null ? null : spec.serviceId();
    }

    @Override
    public LocalServiceOperationType operationType() {
        return LocalServiceOperationType.CREATE;
    }
}
