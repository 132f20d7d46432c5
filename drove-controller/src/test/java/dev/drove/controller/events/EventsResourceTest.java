package dev.drove.controller.events;

import dev.drove.common.errors.CommandValidationException;
import dev.drove.models.api.ApiErrorCode;
import dev.drove.models.events.DroveEventType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code /apis/v1/cluster/events}: its parameters as the docs define them, and what each endpoint answers. */
class EventsResourceTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            absent parameters are the first sync with the largest page | -    | -     | 0    | 1024
            blank parameters count as absent                          | ' '  | ''    | 0    | 1024
            both given                                                | 1719977632050 | 10 | 1719977632050 | 10
            the smallest page                                         | 0    | 1     | 0    | 1
            the largest page                                          | 0    | 1024  | 0    | 1024
            """)
    void validParametersAreRead(String rule, String lastSyncTime, String size, long readTime, int readSize) {
        assertThat(EventsResource.Query.read(lastSyncTime, size))
                .isEqualTo(new EventsResource.Query(readTime, readSize));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            a page of 0                     | -    | 0     | query param size must be between 1 and 1024, not 0
            a page beyond 1024              | -    | 1025  | query param size must be between 1 and 1024, not 1025
            a size that is not a number     | -    | many  | query param size must be a whole number, not 'many'
            a negative lastSyncTime         | -1   | -     | query param lastSyncTime must be 0 or more, not -1
            a lastSyncTime that is no time  | soon | -     | query param lastSyncTime must be a whole number, not 'soon'
            """)
    void badParametersAreA400NamingTheParameter(String rule, String lastSyncTime, String size, String error) {
        assertThatThrownBy(() -> EventsResource.Query.read(lastSyncTime, size))
                .isInstanceOf(CommandValidationException.class)
                .satisfies(e -> assertThat(((CommandValidationException) e).errors()).containsExactly(error));
    }

    @Test
    void eachEndpointAnswersFromTheBus() {
        var bus = new EventBus(Duration.ofHours(1));
        var resource = new EventsResource(bus);
        bus.publish(EventFactory.clusterEvent(DroveEventType.LEADERSHIP_ACQUIRED, "controller-1"));
        bus.publish(EventFactory.clusterEvent(DroveEventType.MAINTENANCE_MODE_SET, "controller-1"));

        var latest = resource.latest("0", "1024");
        assertThat(latest.status()).isEqualTo(ApiErrorCode.SUCCESS);
        assertThat(latest.data().events()).extracting(e -> e.type())
                .containsExactly(DroveEventType.LEADERSHIP_ACQUIRED, DroveEventType.MAINTENANCE_MODE_SET);
        assertThat(latest.data().lastSyncTime()).isEqualTo(latest.data().events().get(1).time().getTime());
        assertThat(resource.events(null, null).data()).isEqualTo(latest.data().events());
        assertThat(resource.summary(null).data().eventsCount()).isEqualTo(Map.of(
                DroveEventType.LEADERSHIP_ACQUIRED, 1L, DroveEventType.MAINTENANCE_MODE_SET, 1L));
        assertThat(resource.latest(String.valueOf(latest.data().lastSyncTime()), null).data().events()).isEmpty();
    }
}
