package dev.drove.executor.metrics;

import com.codahale.metrics.health.HealthCheck;
import dev.drove.executor.engine.DockerClients;

/**
 * Admin-port health ({@code /healthcheck}, name {@code docker}): healthy while the container engine answers a ping
 * within the command timeout. An executor whose engine does not answer can neither start nor stop containers.
 */
public final class DockerHealthCheck extends HealthCheck {
    private final DockerClients docker;

    public DockerHealthCheck(DockerClients docker) {
        this.docker = docker;
    }

    @Override
    protected Result check() {
        try {
            docker.commands().pingCmd().exec();
            return Result.healthy("The container engine at %s answers", docker.host());
        } catch (RuntimeException e) {
            return Result.unhealthy("The container engine at %s does not answer: %s", docker.host(),
                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }
}
