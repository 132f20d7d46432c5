/**
 * Instances: the application, local service and task instances this executor runs, each driven by its own state
 * machine on its own thread (docs: applications/instances.md, tasks/index.md; drove-contract.md §3).
 *
 * <p>Vocabulary:
 * <ul>
 *     <li><b>Instances</b> ({@link dev.drove.executor.instances.Instances}): the registry and the API the messages
 *     resource, the reporter and the node publisher use: start, stop, adopt, list, find, listen.</li>
 *     <li><b>Lifecycle</b> ({@link dev.drove.executor.instances.Lifecycles}): the legal moves, copied from the docs'
 *     diagrams; every move is checked against it. Local service instances run the application instance machine.</li>
 *     <li><b>Step</b>: the work of one state, returning a <b>move</b> (next state, error, log detail); bound per state
 *     with a Guice MapBinder in {@link dev.drove.executor.instances.InstancesModule}.</li>
 *     <li><b>Signal</b>: trips when a stop is requested or the container dies by itself (the engine's die event);
 *     every wait of a step ends at once.</li>
 *     <li><b>Adoption</b>: after an executor restart, a container is taken over from its labels
 *     ({@link dev.drove.executor.instances.ContainerLabels}) in UNKNOWN, never restarted.</li>
 * </ul>
 *
 * <pre>
 * service: PENDING → PROVISIONING (pull) → STARTING (ports, create, start, follow logs) → UNREADY (readiness)
 *          → READY (first passing health check) → HEALTHY (health watch) → UNHEALTHY → STOPPING (hooks,
 *          waitBeforeKill, docker stop) → DEPROVISIONING (remove container, image, release) → STOPPED
 *          PROVISIONING_FAILED / START_FAILED / READINESS_CHECK_FAILED → DEPROVISIONING
 *          UNKNOWN (adopted) → UNREADY …  | LOST
 * task:    PENDING → PROVISIONING → STARTING → RUNNING (until exit or stop) → RUN_COMPLETED (result)
 *          → DEPROVISIONING → STOPPED;   UNKNOWN (adopted) → RUNNING | LOST
 * </pre>
 */
package dev.drove.executor.instances;
