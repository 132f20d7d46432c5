package dev.drove.models.operation;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import dev.drove.models.application.TestSpecs;
import dev.drove.models.json.Json;
import dev.drove.models.validation.ContractReader;
import io.dropwizard.util.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class OperationsTest {

    @Test
    void scaleIsSubmittedAsScaleButCallsItselfScaleInstances() {
        var op = ContractReader.standard().read("{\"type\": \"SCALE\", \"appId\": \"billing-1\", "
                + "\"requiredInstances\": 3, \"opSpec\": {\"timeout\": \"1m\", \"failureStrategy\": \"STOP\"}}",
                ApplicationOperation.class).orThrow();

        assertThat(op).isEqualTo(new ApplicationScaleOperation("billing-1", 3,
                new ClusterOpSpec(Duration.minutes(1), 1, FailureStrategy.STOP)));
        assertThat(op.operationType()).isEqualTo(ApplicationOperationType.SCALE_INSTANCES);
    }

    static Stream<JsonSubTypes.Type> applicationOperationTypes() {
        return Arrays.stream(ApplicationOperation.class.getAnnotation(JsonSubTypes.class).value());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("applicationOperationTypes")
    void everyOtherApplicationOperationCallsItselfByItsInputName(JsonSubTypes.Type type) throws Exception {
        var op = (ApplicationOperation) type.value().getDeclaredConstructors()[0]
                .newInstance(arguments(type.value().getRecordComponents()));
        var expected = type.name().equals("SCALE") ? "SCALE_INSTANCES" : type.name();

        assertThat(op.operationType().name()).isEqualTo(expected);
    }

    @Test
    void everyApplicationOperationTypeHasAnOperation() {
        var named = applicationOperationTypes().map(t -> t.name().equals("SCALE") ? "SCALE_INSTANCES" : t.name())
                .toList();

        assertThat(named).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(ApplicationOperationType.values()).map(Enum::name).toList());
    }

    @Test
    void stopIsAnotherNameOfDeactivateAndDeactivateIsWhatIsWritten() throws Exception {
        var op = ContractReader.standard().read("{\"type\": \"STOP\", \"serviceId\": \"agent-2\"}",
                LocalServiceOperation.class).orThrow();

        assertThat(op).isEqualTo(new LocalServiceDeactivateOperation("agent-2"));
        assertThat(op.operationType()).isEqualTo(LocalServiceOperationType.DEACTIVATE);
        assertThat(Json.mapper().writeValueAsString(op))
                .isEqualTo("{\"type\":\"DEACTIVATE\",\"serviceId\":\"agent-2\"}");
    }

    @Test
    void restartCarriesItsOpSpecAsClusterOpSpecAndWarnsAboutOpSpec() {
        var reading = ContractReader.standard().read("{\"type\": \"RESTART\", \"serviceId\": \"agent-2\", "
                        + "\"stopFirst\": true, \"clusterOpSpec\": {\"timeout\": \"2m\", \"parallelism\": 4, "
                        + "\"failureStrategy\": \"STOP\"}, \"opSpec\": {}}",
                LocalServiceOperation.class);

        assertThat(reading.orThrow()).isEqualTo(new LocalServiceRestartOperation("agent-2", true,
                new ClusterOpSpec(Duration.minutes(2), 4, FailureStrategy.STOP)));
        assertThat(reading.report().warnings()).containsExactly("has an unknown field 'opSpec'; it is ignored");
    }

    @Test
    void localServiceOperationsWithoutAnOpSpecUseTheDefault() {
        var op = ContractReader.standard().read("{\"type\": \"ADJUST_INSTANCES\", \"serviceId\": \"agent-2\"}",
                LocalServiceOperation.class).orThrow();

        assertThat(((LocalServiceAdjustInstancesOperation) op).opSpec()).isEqualTo(ClusterOpSpec.DEFAULT);
    }

    @Test
    void theDefaultOpSpecIs300SecondsOneAtATimeStoppingOnFailure() {
        assertThat(ClusterOpSpec.DEFAULT.timeout().toSeconds()).isEqualTo(300);
        assertThat(ClusterOpSpec.DEFAULT.parallelism()).isEqualTo(1);
        assertThat(ClusterOpSpec.DEFAULT.failureStrategy()).isEqualTo(FailureStrategy.STOP);
    }

    @Test
    void createTakesItsIdsFromTheSpecAndDoesNotWriteThem() {
        var app = new ApplicationCreateOperation(TestSpecs.application(), 1, ClusterOpSpec.DEFAULT);
        var task = new TaskCreateOperation(TestSpecs.task(), ClusterOpSpec.DEFAULT);
        var service = new LocalServiceCreateOperation(TestSpecs.localService(), 2);

        assertThat(app.appId()).isEqualTo("billing-1");
        assertThat(task.sourceAppName() + "/" + task.taskId()).isEqualTo("billing/T0012");
        assertThat(service.serviceId()).isEqualTo("agent-2");
        assertThat(fields(app)).containsExactlyInAnyOrder("type", "spec", "instances", "opSpec");
        assertThat(fields(task)).containsExactlyInAnyOrder("type", "spec", "opSpec");
        assertThat(fields(service)).containsExactlyInAnyOrder("type", "spec", "instancesPerHost");
    }

    private static List<String> fields(Object value) {
        var names = new ArrayList<String>();
        Json.mapper().valueToTree(value).fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Object[] arguments(java.lang.reflect.RecordComponent[] components) {
        var defaults = Map.<Class<?>, Object>of(String.class, "billing-1", int.class, 1, boolean.class, false,
                ClusterOpSpec.class, ClusterOpSpec.DEFAULT, List.class, List.of("AI-1"),
                java.util.Set.class, java.util.Set.of(),
                dev.drove.models.application.ApplicationSpec.class, TestSpecs.application());
        return Arrays.stream(components).map(c -> defaults.get(c.getType())).toArray();
    }
}
