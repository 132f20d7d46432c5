/**
 * State store: what the controllers keep in ZooKeeper, so that any controller that becomes leader knows every
 * application, instance, task and local service (drove-contract.md §4 "ZooKeeper"). Paths are below the configured
 * namespace; each document is one znode of compact JSON, written whole.
 *
 * <pre>
 * /applications/{appId}                               ApplicationInfo             ApplicationStore
 * /appstate/{appId}                                   AppRuntimeInfo (ours)       ApplicationStore
 * /instances/{appId}/{instanceId}                     InstanceInfo                InstanceStore
 * /tasks/{sourceAppName}/{taskId}                     TaskInfo                    TaskStore
 * /localservices/{serviceId}                          LocalServiceInfo            LocalServiceStore
 * /localserviceinstances/{serviceId}/{instanceId}     LocalServiceInstanceInfo    LocalServiceInstanceStore
 * /cluster/maintenance                                ClusterStateData            ClusterStateStore
 * </pre>
 *
 * <p>Vocabulary: a {@code Zk*Store} reads ZooKeeper on every call; a {@code Caching*Store} is the leader's copy of
 * what it reads a lot (applications, local services and their instances), loaded once when leadership is acquired,
 * written through, and dropped when leadership is lost. {@link dev.drove.controller.statestore.AppRuntimeInfo} is an
 * application's state and the operation in flight, so a new leader can resume or fail it. "Old" instances are the
 * finished ones (STOPPED, LOST), newest first.
 *
 * <pre>
 * leadership acquired -> Caching*Store.leadershipAcquired -> next read loads everything from ZooKeeper
 * save(x)   -> ZooKeeper write -> memory (only if the write succeeded)
 * save(instance in a passing state, e.g. STARTING, already held) -> memory only (the next lasting state is written)
 * delete(app) -> /instances/{app} -> /appstate/{app} -> /applications/{app}; memory follows
 * leadership lost -> copies dropped -> reads and writes go straight to ZooKeeper
 * </pre>
 * Reads never throw for a missing node: they answer empty.
 */
package dev.drove.controller.statestore;
