package dev.drove.controller.localservices;

import dev.drove.common.messages.LocalServiceInstanceSpec;
import dev.drove.controller.cluster.Delivery;

/**
 * Sends START_LOCAL_SERVICE_INSTANCE and STOP_LOCAL_SERVICE_INSTANCE to executors (contract §4). Progress comes back
 * as LOCAL_SERVICE_INSTANCE_STATE_REPORTs. Tests give the engine an executor of their own through this interface.
 */
interface ServiceMessenger {

    /** Asks executor {@code executorId} to start {@code spec}; after any retries, how it answered. */
    Delivery start(String executorId, LocalServiceInstanceSpec spec) throws InterruptedException;

    /** Asks executor {@code executorId} to stop instance {@code instanceId}. */
    Delivery stop(String executorId, String instanceId) throws InterruptedException;
}
