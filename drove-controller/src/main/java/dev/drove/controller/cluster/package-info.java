/**
 * Cluster: what the leader knows about the executors and their instances, and how it talks to them (contract §4).
 *
 * <p>Vocabulary: an executor's <b>entry</b> is the ExecutorNodeData it publishes at {@code /executor/{host}-{port}};
 * a <b>report</b> is a state change it posts to {@code /apis/v1/messages}; the executor is authoritative for its
 * instances, so a report replaces the stored instance info unless the stored one is newer; the <b>grace period</b>
 * is how long a vanished executor may stay away before its instances are LOST. An executor is <b>admitted</b> once a
 * message from it passed the cluster auth filter with the executor secret; until then its entry <b>waits</b> and it
 * is not counted anywhere (ZooKeeper is no proof: anyone who can write there can publish an entry).
 *
 * <pre>
 * every 1 s (leader only): /executor/* ─▶ admitted? ─no─▶ waits (WARN after 5 s; LOST after the grace if it
 *                                            │                   holds stored instances)
 *                                            yes─▶ ClusterResources.update (scheduler book)
 *                                              └─▶ InstanceStates.report (each listed instance)
 * executor ─POST /apis/v1/messages─▶ ClusterAuthFilter ─▶ ControllerMessagesResource ─▶ ReportIntake ─▶ admit
 *     EXECUTOR_SNAPSHOT (at start, every 20 s, on a new leader) ─▶ ExecutorTracker.observe, as an admitted entry
 *     INSTANCE_STATE_REPORT ─▶ ExecutorTracker.applyReport (book) ─▶ InstanceStates.report ─▶ listeners, awaiters
 * entry gone ─▶ grace (45 s) ─▶ back: nothing | still gone: instances LOST, executor out of the book
 * LOST is terminal: executor back reporting a LOST instance alive ─▶ stays LOST ─▶ LostInstanceStopper ─STOP_INSTANCE─▶
 * operations ─▶ ExecutorMessenger ─START_/STOP_INSTANCE─▶ executor (FAILED: again every 1 s for 30 s; REJECTED: final)
 * </pre>
 */
package dev.drove.controller.cluster;
