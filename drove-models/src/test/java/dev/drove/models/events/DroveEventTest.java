package dev.drove.models.events;

import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import dev.drove.models.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DroveEventTest {
    @ParameterizedTest(name = "{0}")
    @EnumSource(DroveEventType.class)
    void everyEventTypeIsReadAsItsFamilyAndWrittenBackWithTheSameType(DroveEventType type) throws Exception {
        var json = "{\"type\":\"" + type + "\",\"id\":\"55d5876f-94ac-4c5d-a580-9c3b296add46\","
                + "\"time\":1719977631534,\"metadata\":{}}";

        var event = Json.mapper().readValue(json, DroveEvent.class);

        assertThat(event.type()).isEqualTo(type);
        assertThat(event.time().getTime()).isEqualTo(1719977631534L);
        assertThat(Json.mapper().readTree(Json.mapper().writeValueAsString(event)))
                .isEqualTo(Json.mapper().readTree(json));
    }

    @Test
    void localServiceEventsAreReadWithTheirMetadata() throws Exception {
        var json = "{\"type\":\"LOCAL_SERVICE_INSTANCE_STATE_CHANGE\",\"id\":\"55d5876f-94ac-4c5d-a580-9c3b296add46\","
                + "\"time\":1,\"metadata\":{\"SERVICE_ID\":\"LS-1\",\"CURRENT_STATE\":\"HEALTHY\"}}";

        var event = Json.mapper().readValue(json, DroveEvent.class);

        assertThat(event).isInstanceOf(LocalServiceInstanceStateChangeEvent.class);
        assertThat(((LocalServiceInstanceStateChangeEvent) event).metadata())
                .containsEntry(LocalServiceInstanceEventDataTag.SERVICE_ID, "LS-1")
                .containsEntry(LocalServiceInstanceEventDataTag.CURRENT_STATE, "HEALTHY");
    }

    @Test
    void anEventRefusesATypeOfAnotherFamily() {
        assertThatThrownBy(() -> ExecutorEvent.of(DroveEventType.APP_STATE_CHANGE, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("type APP_STATE_CHANGE is not an executor event; it must be one of [EXECUTOR_ADDED, "
                        + "EXECUTOR_REMOVED, EXECUTOR_BLACKLIST_REQUESTED, EXECUTOR_BLACKLISTED, "
                        + "EXECUTOR_UN_BLACKLISTED]");
    }

    @Test
    void aFamilyOfSeveralTypesNeedsToBeToldWhichOne() {
        assertThatThrownBy(() -> ClusterEvent.of(null, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("type is missing; a cluster event must be one of [MAINTENANCE_MODE_SET");
    }

    @Test
    void aNewEventGetsItsOnlyTypeAFreshIdAndTheCurrentTime() {
        var before = System.currentTimeMillis();

        var first = AppStateChangeEvent.of(Map.of(AppEventDataTag.APP_ID, "TEST_APP-1"));
        var second = AppStateChangeEvent.of(Map.of(AppEventDataTag.APP_ID, "TEST_APP-1"));

        assertThat(first.type()).isEqualTo(DroveEventType.APP_STATE_CHANGE);
        assertThat(first.id()).isNotEqualTo(second.id());
        assertThat(first.time().getTime()).isBetween(before, System.currentTimeMillis());
    }

    @Test
    void anUnknownEventTypeIsRefused() {
        assertThatThrownBy(() -> Json.mapper().readValue(
                "{\"type\":\"APP_EXPLODED\",\"id\":\"55d5876f-94ac-4c5d-a580-9c3b296add46\",\"time\":1}",
                DroveEvent.class))
                .isInstanceOf(InvalidTypeIdException.class);
    }

    @Test
    void metadataIsKeptInTagOrderAndCannotBeChanged() {
        var event = InstanceStateChangeEvent.of(Map.of(
                InstanceEventDataTag.CURRENT_STATE, "HEALTHY", InstanceEventDataTag.APP_ID, "TEST_APP-1"));

        assertThat(event.metadata().keySet())
                .containsExactly(InstanceEventDataTag.APP_ID, InstanceEventDataTag.CURRENT_STATE);
        assertThatThrownBy(() -> event.metadata().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
