/**
 * Cluster events as {@code GET /apis/v1/cluster/events/latest} returns them (docs: apis/cluster.md "Drove Cluster
 * Events"; contract §2.10).
 *
 * <pre>
 * {type, id, time, metadata{TAG: value}}
 *   APP_STATE_CHANGE                     AppStateChangeEvent                   AppEventDataTag
 *   INSTANCE_STATE_CHANGE                InstanceStateChangeEvent              InstanceEventDataTag
 *   TASK_STATE_CHANGE                    TaskStateChangeEvent                  TaskEventDataTag
 *   LOCAL_SERVICE_STATE_CHANGE           LocalServiceStateChangeEvent          LocalServiceEventDataTag
 *   LOCAL_SERVICE_INSTANCE_STATE_CHANGE  LocalServiceInstanceStateChangeEvent  LocalServiceInstanceEventDataTag
 *   EXECUTOR_ADDED|REMOVED|BLACKLIST_REQUESTED|BLACKLISTED|UN_BLACKLISTED   ExecutorEvent   ExecutorEventDataTag
 *   MAINTENANCE_MODE_SET|REMOVED, LEADERSHIP_ACQUIRED|LOST                  ClusterEvent    ClusterEventDataTag
 * </pre>
 *
 * One record per family of events that share their metadata keys; the {@code type} field is a real field of each
 * record, so a family with several types writes back exactly the type it read. Unlike the original, both
 * LOCAL_SERVICE_* types can be read back.
 */
package dev.drove.models.events;
