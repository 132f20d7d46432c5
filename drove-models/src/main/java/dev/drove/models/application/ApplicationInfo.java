package dev.drove.models.application;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import java.util.Date;

/**
 * What the controllers store for one application (in ZooKeeper under {@code /applications/{appId}}).
 *
 * @param instances the number of instances the application should run
 */
public record ApplicationInfo(
        @NotEmpty String appId,
        @NotNull @Valid ApplicationSpec spec,
        @Min(0) long instances,
        Date created,
        Date updated) {

    /** The same application asked to run {@code count} instances, updated at {@code now}. */
    public ApplicationInfo withInstances(long count, Date now) {
        return new ApplicationInfo(appId, spec, count, created, now);
    }
}
