package dev.drove.models.application.executable;

import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.NotBlank;

/**
 * A docker image, pulled by the executor from its registry.
 *
 * @param url               the image reference, such as {@code ghcr.io/appform-io/perf-test-server-httplib}
 * @param dockerPullTimeout how long a pull may take; 15 minutes when absent
 */
public record DockerCoordinates(
        @NotBlank String url,
        @MinDuration(value = 1, unit = java.util.concurrent.TimeUnit.SECONDS, message = "must be at least 1 second")
        Duration dockerPullTimeout) implements ExecutableCoordinates {

    public static final Duration DEFAULT_PULL_TIMEOUT = Duration.minutes(15);

    public DockerCoordinates {
        dockerPullTimeout = dockerPullTimeout == null ? DEFAULT_PULL_TIMEOUT : dockerPullTimeout;
    }

    public static DockerCoordinates of(String url) {
        return new DockerCoordinates(url, null);
    }
}
