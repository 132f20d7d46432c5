/**
 * Operations: the changes users (and the controller itself) ask of applications, tasks and local services.
 *
 * <pre>
 * POST /apis/v1/applications/operations  ApplicationOperation  CREATE | DESTROY | START_INSTANCES | STOP_INSTANCES
 *                                                              | SCALE | REPLACE_INSTANCES | SUSPEND | RECOVER
 * POST /apis/v1/tasks/operations         TaskOperation         CREATE | KILL
 * POST /apis/v1/localservices/operations LocalServiceOperation CREATE | ACTIVATE | DEACTIVATE (alias STOP) | ...
 * each carries a ClusterOpSpec{timeout, parallelism 1..512, failureStrategy}; DEFAULT = {300 s, 1, STOP}
 * </pre>
 * Quirks kept from the original: SCALE reports itself as SCALE_INSTANCES; a local service RESTART names its op spec
 * {@code clusterOpSpec}.
 */
package dev.drove.models.operation;
