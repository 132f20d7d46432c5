/**
 * Events: every state change of the cluster as a {@link dev.drove.models.events.DroveEvent} with a type, a random id,
 * its time (epoch millis) and metadata keyed by its family's tags (contract §2.10; docs: apis/cluster.md "Drove Cluster
 * Events").
 *
 * <p>Vocabulary: the <b>window</b> is what the leader keeps in memory: the events of the last
 * {@code maxEventsStorageDuration}, at most 100 000; a caller's <b>lastSyncTime</b> is the time of the newest event
 * it has seen, so it asks for the ones after it; a <b>source</b> is a part of the controller where a state change is
 * stored, and tells the {@link dev.drove.controller.events.EventRecorder} right after.
 *
 * <pre>
 * LeaderElection ─acquired/lost────────────────▶ LEADERSHIP_ACQUIRED | LEADERSHIP_LOST ─┐
 * MaintenanceMode.set/unset ───────────────────▶ MAINTENANCE_MODE_SET | _REMOVED ───────┤
 * ApplicationEngine (AppRecords) ──────────────▶ APP_STATE_CHANGE ──────────────────────┤
 * InstanceStates (under the instance's lock) ──▶ INSTANCE_STATE_CHANGE ─────────────────┤
 * TaskEngine (TaskRecords) ────────────────────▶ TASK_STATE_CHANGE ─────────────────────┼─▶ EventBus (window)
 * LocalServiceEngine ──────────────────────────▶ LOCAL_SERVICE[_INSTANCE]_STATE_CHANGE ─┤
 * ExecutorTracker first sees | gives up ───────▶ EXECUTOR_ADDED | EXECUTOR_REMOVED ─────┤
 * blacklisting ────────────────────────────────▶ EXECUTOR_BLACKLIST* (EventBus.publish) ┘
 *
 * GET /apis/v1/cluster/events/latest?lastSyncTime&size ─▶ EventsResource ─▶ DroveEventsList{events, lastSyncTime}
 * GET /apis/v1/cluster/events/summary?lastSyncTime ─────▶ DroveEventsSummary{eventsCount{TYPE: n}, lastSyncTime}
 * </pre>
 * An instance, task or local service instance raises an event only when its state changes, not when a report
 * repeats it. Nothing here is written to ZooKeeper: a new leader starts an empty window.
 */
package dev.drove.controller.events;
