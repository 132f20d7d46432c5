package dev.drove.controller.scheduler;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import dev.drove.controller.ControllerOptions;
import dev.drove.models.json.Json;
import io.dropwizard.jackson.Jackson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The controller option {@code options.placementStrategy}: one strategy for the whole cluster, RANDOM unless set. */
class PlacementStrategyOptionTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "'{}',                                 RANDOM",
            "'{\"placementStrategy\": null}',      RANDOM",
            "'{\"placementStrategy\": \"RANDOM\"}', RANDOM",
            "'{\"placementStrategy\": \"BIN_PACKING\"}', BIN_PACKING"})
    void theOptionNamesTheStrategyAndDefaultsToRandom(String json, PlacementStrategy expected) throws Exception {
        assertThat(mapper().readValue(json, ControllerOptions.class).placementStrategy()).isEqualTo(expected);
    }

    @Test
    void anUnknownStrategyIsRefused() {
        assertThatThrownBy(() -> mapper().readValue("{\"placementStrategy\": \"FIRST_FIT\"}", ControllerOptions.class))
                .isInstanceOf(InvalidFormatException.class).hasMessageContaining("FIRST_FIT");
    }

    @Test
    void withoutAnOptionsSectionTheClusterPlacesInRandomOrder() {
        assertThat(ControllerOptions.DEFAULTS.placementStrategy()).isEqualTo(PlacementStrategy.RANDOM);
    }

    private static ObjectMapper mapper() {
        var mapper = Jackson.newObjectMapper();
        Json.configure(mapper);
        return mapper;
    }
}
