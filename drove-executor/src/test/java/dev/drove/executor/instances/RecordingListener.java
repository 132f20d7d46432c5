package dev.drove.executor.instances;

import dev.drove.models.instance.InstanceInfo;
import dev.drove.models.instance.InstanceState;
import dev.drove.models.instance.LocalServiceInstanceInfo;
import dev.drove.models.instance.LocalServiceInstanceState;
import dev.drove.models.taskinstance.TaskInfo;
import dev.drove.models.taskinstance.TaskState;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Keeps every info the listener heard, per instance id, in order. */
final class RecordingListener implements InstanceListener {
    private final Map<String, List<InstanceInfo>> instances = new ConcurrentHashMap<>();
    private final Map<String, List<LocalServiceInstanceInfo>> serviceInstances = new ConcurrentHashMap<>();
    private final Map<String, List<TaskInfo>> tasks = new ConcurrentHashMap<>();

    @Override
    public void instanceChanged(InstanceInfo info) {
        add(instances, info.instanceId(), info);
    }

    @Override
    public void serviceInstanceChanged(LocalServiceInstanceInfo info) {
        add(serviceInstances, info.instanceId(), info);
    }

    @Override
    public void taskChanged(TaskInfo info) {
        add(tasks, info.instanceId(), info);
    }

    List<InstanceState> states(String instanceId) {
        return infos(instances, instanceId).stream().map(InstanceInfo::state).toList();
    }

    List<LocalServiceInstanceState> serviceStates(String instanceId) {
        return infos(serviceInstances, instanceId).stream().map(LocalServiceInstanceInfo::state).toList();
    }

    List<TaskState> taskStates(String instanceId) {
        return infos(tasks, instanceId).stream().map(TaskInfo::state).toList();
    }

    /** The last info heard, or null. */
    InstanceInfo last(String instanceId) {
        List<InstanceInfo> heard = infos(instances, instanceId);
        return heard.isEmpty() ? null : heard.get(heard.size() - 1);
    }

    LocalServiceInstanceInfo lastService(String instanceId) {
        List<LocalServiceInstanceInfo> heard = infos(serviceInstances, instanceId);
        return heard.isEmpty() ? null : heard.get(heard.size() - 1);
    }

    TaskInfo lastTask(String instanceId) {
        List<TaskInfo> heard = infos(tasks, instanceId);
        return heard.isEmpty() ? null : heard.get(heard.size() - 1);
    }

    /** The first info heard in this state. */
    InstanceInfo first(String instanceId, InstanceState state) {
        return infos(instances, instanceId).stream().filter(info -> info.state() == state).findFirst()
                .orElseThrow(() -> new AssertionError(instanceId + " was never " + state));
    }

    TaskInfo firstTask(String instanceId, TaskState state) {
        return infos(tasks, instanceId).stream().filter(info -> info.state() == state).findFirst()
                .orElseThrow(() -> new AssertionError(instanceId + " was never " + state));
    }

    private static <I> void add(Map<String, List<I>> infos, String id, I info) {
        List<I> heard = infos.computeIfAbsent(id, any -> new ArrayList<>());
        synchronized (heard) {
            heard.add(info);
        }
    }

    private static <I> List<I> infos(Map<String, List<I>> infos, String id) {
        List<I> heard = infos.getOrDefault(id, List.of());
        synchronized (heard) {
            return List.copyOf(heard);
        }
    }
}
