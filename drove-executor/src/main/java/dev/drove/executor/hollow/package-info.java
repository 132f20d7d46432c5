/**
 * Hollow executors: executors without containers for control-plane scale tests, like Kubernetes' kubemark hollow
 * nodes. To the controller each one is a real executor: it publishes real node data at
 * {@code /executor/{host}-{port}}, answers {@code POST /apis/v1/messages} behind the cluster secret, and reports every
 * state change and a snapshot every publish period to the leader. Only the instance steps are simulated
 * ({@link dev.drove.executor.instances.SimulatedInstances}): each state lasts a configured pause, HEALTHY lasts until
 * a stop, a task completes SUCCESSFUL after its run time.
 *
 * <pre>
 * HollowFleet (one JVM) ──▶ N × HollowExecutor ── each: ResourceBook (simulated NUMA shape) + Instances (simulated
 *        │                      steps) + NodePublisher + StateReporter + ExecutorMessagesResource (the real ones)
 *        ├── shared: one ZooKeeper session, one LeaderObserver, one MessageSender (HTTP client)
 *        └── FleetServer: one Jetty server, one connector per executor port, one Jersey app with the real
 *            ClusterAuthFilter; FleetMessagesResource hands each message to the executor owning the port it came in on
 * </pre>
 *
 * Vocabulary: a <b>shape</b> is the simulated host (NUMA nodes × cores, memory, tags); the <b>pace</b> is how long each
 * simulated state lasts.
 */
package dev.drove.executor.hollow;
