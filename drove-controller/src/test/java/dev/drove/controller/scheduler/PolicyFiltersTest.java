package dev.drove.controller.scheduler;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import dev.drove.models.application.placement.AnyPlacement;
import dev.drove.models.application.placement.CompositePlacement;
import dev.drove.models.application.placement.LocalPlacement;
import dev.drove.models.application.placement.MatchTagPlacement;
import dev.drove.models.application.placement.MaxNPerHostPlacement;
import dev.drove.models.application.placement.NoTagPlacement;
import dev.drove.models.application.placement.OnePerHostPlacement;
import dev.drove.models.application.placement.PlacementPolicy;
import dev.drove.models.application.placement.RuleBasedPlacement;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class PolicyFiltersTest {
    /** One sample of every policy; the test below fails when a new permitted subclass has none. */
    private static final List<PlacementPolicy> SAMPLES = List.of(
            new AnyPlacement(),
            new OnePerHostPlacement(),
            new MaxNPerHostPlacement(3),
            new MatchTagPlacement("gpu"),
            new NoTagPlacement(),
            new RuleBasedPlacement("freeCores > 0", RuleBasedPlacement.RuleType.MVEL),
            new CompositePlacement(List.of(new AnyPlacement()), null),
            new LocalPlacement(false));

    @Test
    void everyPermittedPlacementPolicyHasANodeFilterAndAJsonName() {
        var permitted = Arrays.asList(PlacementPolicy.class.getPermittedSubclasses());
        var named = Arrays.stream(PlacementPolicy.class.getAnnotation(JsonSubTypes.class).value())
                .map(JsonSubTypes.Type::value).toList();

        assertThat(SAMPLES.stream().map(Object::getClass).toList()).containsExactlyInAnyOrderElementsOf(permitted);
        assertThat(named).containsExactlyInAnyOrderElementsOf(permitted);
        SAMPLES.forEach(policy -> assertThatCode(() -> PolicyFilters.forPolicy(policy))
                .as(PlacementPolicy.typeName(policy)).doesNotThrowAnyException());
    }
}
