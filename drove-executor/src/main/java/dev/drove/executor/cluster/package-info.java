/**
 * The executor as a member of the cluster.
 *
 * <pre>
 * start-up:  StartupRecovery --adopt labelled containers--> Instances
 * changes:   Instances --InstanceListener--> StateReporter --POST /apis/v1/messages--> leader (queued, retried)
 * snapshots: StateReporter --EXECUTOR_SNAPSHOT at start, every 20 s, on a new leader--> leader (admits this executor)
 *                                        \-> NodePublisher --ephemeral /executor/{host}-{port}--> ZooKeeper
 * commands:  leader --ExecutorMessagesResource--> Instances | ExecutorStatus (blacklist)
 * engine:    EngineWatch --unreachable--> EngineResync: WARN, instances hold (EngineOutageHold)
 *                        --answers again--> EngineResync: list containers --> Instances.resynchronise --> snapshot
 * </pre>
 *
 * Nothing here stops a container because the controller or ZooKeeper is away: reports wait in a queue and the node
 * data is republished when the session comes back.
 */
package dev.drove.executor.cluster;
