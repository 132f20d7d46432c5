package dev.drove.controller.metrics;

import com.codahale.metrics.MetricRegistry;
import dev.drove.common.testkit.ZookeeperExtension;
import dev.drove.controller.statestore.ZkApplicationStore;
import dev.drove.controller.statestore.ZkInstanceStore;
import dev.drove.controller.statestore.ZkLocalServiceInstanceStore;
import dev.drove.controller.statestore.ZkLocalServiceStore;
import dev.drove.controller.statestore.ZkTaskStore;
import dev.drove.models.instance.InstanceInfo;
import dev.drove.models.instance.InstanceState;
import dev.drove.models.taskinstance.TaskInfo;
import dev.drove.models.taskinstance.TaskState;
import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Date;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ZookeeperExtension.class)
class InstanceGaugesTest {

    @Test
    void theGaugesCountTheStoredInstancesOfEveryApplicationByState(CuratorFramework curator) {
        var applications = new ZkApplicationStore(curator);
        var instances = new ZkInstanceStore(curator);
        var tasks = new ZkTaskStore(curator);
        applications.save(new dev.drove.models.application.ApplicationInfo("A-1", null, 2, new Date(), new Date()));
        applications.save(new dev.drove.models.application.ApplicationInfo("B-1", null, 1, new Date(), new Date()));
        instances.save(instance("A-1", "AI-1", InstanceState.HEALTHY));
        instances.save(instance("A-1", "AI-2", InstanceState.HEALTHY));
        instances.save(instance("B-1", "AI-3", InstanceState.HEALTHY));
        instances.save(instance("B-1", "AI-4", InstanceState.STOPPED));
        tasks.save(new TaskInfo("A", "T1", "TI-1", "e1", "h", null, null, null, null, null, TaskState.RUNNING,
                null, null, "", new Date(), new Date()));
        var registry = new MetricRegistry();

        new InstanceGauges(applications, instances, new ZkLocalServiceStore(curator),
                new ZkLocalServiceInstanceStore(curator), tasks).registerWith(registry);

        var gauges = registry.getGauges();
        assertThat(gauges.get("drove.instances.HEALTHY").getValue()).isEqualTo(3L);
        assertThat(gauges.get("drove.instances.STOPPED").getValue()).isEqualTo(1L);
        assertThat(gauges.get("drove.instances.PENDING").getValue()).isEqualTo(0L);
        assertThat(gauges.get("drove.tasks.RUNNING").getValue()).isEqualTo(1L);
        assertThat(gauges.get("drove.localservice.instances.HEALTHY").getValue()).isEqualTo(0L);
    }

    private static InstanceInfo instance(String appId, String instanceId, InstanceState state) {
        return new InstanceInfo(appId, appId, instanceId, "e1", null, null, state, Map.of(), "", new Date(),
                new Date());
    }
}
