/**
 * Running copies of applications and local services as the controller tracks them (docs: applications/instances.md,
 * diagram images/app-instance-state-machine.png).
 *
 * <pre>
 * PENDING -> PROVISIONING -> STARTING -> UNREADY -> READY -> HEALTHY <-> UNHEALTHY
 * PROVISIONING / STARTING / UNREADY fail into PROVISIONING_FAILED / START_FAILED / READINESS_CHECK_FAILED
 * failed states -> DEPROVISIONING;   stop received -> STOPPING -> DEPROVISIONING -> STOPPED
 * executor restarted: UNKNOWN -> UNREADY (recovered)   container gone while the executor was down: LOST
 * </pre>
 *
 * An {@link dev.drove.models.instance.InstanceInfo} says where an instance runs ({@code executorId} and
 * {@link dev.drove.models.instance.LocalInstanceInfo}: host and port mappings), what it holds (NUMA-pinned
 * {@code resources}) and its {@link dev.drove.models.instance.InstanceState}. Local-service instances have the same
 * shape and an identical state list.
 */
package dev.drove.models.instance;
