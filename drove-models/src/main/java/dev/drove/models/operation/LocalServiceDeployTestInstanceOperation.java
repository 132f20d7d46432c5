package dev.drove.models.operation;

import jakarta.validation.constraints.NotEmpty;

/** Runs a single test instance of an inactive service (CONFIG_TESTING) to try its configuration. */
public record LocalServiceDeployTestInstanceOperation(@NotEmpty String serviceId) implements LocalServiceOperation {

    @Override
    public LocalServiceOperationType operationType() {
        return LocalServiceOperationType.DEPLOY_TEST_INSTANCE;
    }
}
