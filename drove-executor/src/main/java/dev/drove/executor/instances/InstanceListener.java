package dev.drove.executor.instances;

import dev.drove.models.instance.InstanceInfo;
import dev.drove.models.instance.LocalServiceInstanceInfo;
import dev.drove.models.taskinstance.TaskInfo;

/**
 * Hears every state change of the instances this executor runs, with the instance's new info: the state report to
 * the leader and the executor's node data in ZooKeeper are fed from here.
 *
 * <p>Called on the instance's own thread, in the order of its transitions, after the change is visible through
 * {@link Instances}. A terminal state (STOPPED, LOST) is reported after the instance's cores and memory were
 * released and it left the lists (it stays findable), so a resource snapshot taken in the callback already shows
 * them free. Callbacks should return quickly; an exception is logged and does not affect the instance.
 */
public interface InstanceListener {

    /** An application instance changed state. */
    default void instanceChanged(InstanceInfo info) {
    }

    /** A local service instance changed state. */
    default void serviceInstanceChanged(LocalServiceInstanceInfo info) {
    }

    /** A task instance changed state. */
    default void taskChanged(TaskInfo info) {
    }
}
