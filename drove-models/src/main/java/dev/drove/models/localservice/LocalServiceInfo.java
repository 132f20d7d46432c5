package dev.drove.models.localservice;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import java.util.Date;

/**
 * What the controllers store for one local service (in ZooKeeper under {@code /localservices/{serviceId}}).
 *
 * @param instancesPerHost how many instances each eligible executor runs (1..256)
 */
public record LocalServiceInfo(
        @NotEmpty String serviceId,
        @NotNull @Valid LocalServiceSpec spec,
        @Min(1) @Max(256) int instancesPerHost,
        @NotNull ActivationState activationState,
        Date created,
        Date updated) {

    public LocalServiceInfo withActivationState(ActivationState next, Date now) {
        return new LocalServiceInfo(serviceId, spec, instancesPerHost, next, created, now);
    }

    public LocalServiceInfo withInstancesPerHost(int count, Date now) {
        return new LocalServiceInfo(serviceId, spec, count, activationState, created, now);
    }
}
