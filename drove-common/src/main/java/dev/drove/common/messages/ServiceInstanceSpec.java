package dev.drove.common.messages;

import dev.drove.models.application.PortSpec;
import dev.drove.models.application.PreShutdownSpec;
import dev.drove.models.application.checks.CheckSpec;

import java.util.List;

/** A long-running instance with ports and checks: an application instance or a local service instance. */
public sealed interface ServiceInstanceSpec extends InstanceSpec
        permits ApplicationInstanceSpec, LocalServiceInstanceSpec {
    List<PortSpec> ports();

    CheckSpec healthcheck();

    CheckSpec readiness();

    PreShutdownSpec preShutdown();
}
