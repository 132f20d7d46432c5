/**
 * Engine: how the executor runs containers on the local Docker engine (or podman's Docker API), through docker-java
 * over the httpclient5 transport.
 *
 * <p>Vocabulary (drove-contract.md §3; docs: cluster/setup/executor-setup.md "Executor Options",
 * snippets/common_configs.md, snippets/common_configs_logging.md):
 * <ul>
 *     <li><b>Executor options</b> ({@link dev.drove.executor.engine.ExecutorOptions}): the {@code options:} config
 *     section: socket, command timeout, image caching, {@code nofile} limit, log buffer and log cache sizes.</li>
 *     <li><b>Container request</b> ({@link dev.drove.executor.engine.ContainerRequest}): one container, fully
 *     resolved by the caller from an instance spec: name, image, pinned CPUs and NUMA nodes, memory, env in order,
 *     args, ports, volumes, devices, files to inject, labels, user, log driver
 *     ({@link dev.drove.executor.engine.ContainerLogging}).</li>
 *     <li><b>Managed container</b>: one carrying the label {@code drove.instance.id}; the executor lists them to
 *     recover and to reap zombies.</li>
 *     <li><b>Container events</b> ({@link dev.drove.executor.engine.ContainerEvents}): the engine's die/oom/destroy
 *     events, from one subscription that reopens itself if the engine restarts.</li>
 *     <li><b>Engine watch</b> ({@link dev.drove.executor.engine.EngineWatch}): pings the engine every second; an
 *     <b>outage</b> runs from the first unanswered ping (or failed call a caller doubts) to the first answer after
 *     which the executor has resynchronised.</li>
 *     <li><b>Host ports</b> ({@link dev.drove.executor.engine.HostPorts}): ephemeral ports the kernel picked, bound on
 *     all interfaces to the declared container ports.</li>
 * </ul>
 *
 * <p>Flow of one container:
 * <pre>
 * HostPorts.allocate(n) ─▶ ContainerRequest ─▶ ContainerEngine.ensureImage (pull ≤ timeout, else local copy + WARN;
 *   instances starting together share one pull of their image: SharedPulls)
 *   ─▶ create (HostConfig: cpuset, memory, nofile, ports, binds, devices, log driver; files tar-streamed in)
 *   ─▶ start ─▶ [exec for CMD checks and hooks] ─▶ ContainerEvents: die(exitCode) / oom / destroy
 *   ─▶ stop(grace) | kill ─▶ exitCode ─▶ remove (force, volumes) ─▶ removeImageIfUnused (unless cacheImages)
 * </pre>
 *
 * <p>Short requests use a client bounded by {@code containerCommandTimeout}; streams (events, logs, pulls, exec output,
 * stop) use a second client without a read timeout ({@link dev.drove.executor.engine.DockerClients}).
 */
package dev.drove.executor.engine;
