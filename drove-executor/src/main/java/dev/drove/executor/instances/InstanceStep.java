package dev.drove.executor.instances;

import dev.drove.models.instance.InstanceState;

/** A step of the application / local service instance machine; bound per state with a Guice MapBinder. */
interface InstanceStep extends Step<InstanceState, ServiceInstance> {
}
