package dev.drove.controller.scheduler;

import dev.drove.models.application.placement.AnyPlacement;
import dev.drove.models.application.placement.CompositePlacement;
import dev.drove.models.application.placement.LocalPlacement;
import dev.drove.models.application.placement.MatchTagPlacement;
import dev.drove.models.application.placement.MaxNPerHostPlacement;
import dev.drove.models.application.placement.NoTagPlacement;
import dev.drove.models.application.placement.OnePerHostPlacement;
import dev.drove.models.application.placement.PlacementPolicy;
import dev.drove.models.application.placement.RuleBasedPlacement;

import java.util.List;

/** The node filter of each placement policy (docs: snippets/common_configs.md "Placement Policy Specification"). */
final class PolicyFilters {
    private PolicyFilters() {
    }

    /**
     * The filter that enforces {@code policy} itself. The tag rule is not part of it: {@link TagRuleFilter} applies
     * it once for the whole policy, so a COMPOSITE of ONE_PER_HOST and MATCH_TAG can reach tagged executors.
     *
     * @throws InvalidRuleException when a RULE_BASED rule does not compile
     */
    static NodeFilter forPolicy(PlacementPolicy policy) {
        if (policy instanceof AnyPlacement) return NodeFilter.ACCEPT_ALL;
        if (policy instanceof OnePerHostPlacement) return new MaxPerHostFilter(1);
        if (policy instanceof MaxNPerHostPlacement p) return new MaxPerHostFilter(p.max());
        if (policy instanceof MatchTagPlacement p) return new MatchTagFilter(p.tag());
        if (policy instanceof NoTagPlacement) return NoTagFilter.INSTANCE;
        if (policy instanceof RuleBasedPlacement p) return RuleFilter.compile(p.rule());
        if (policy instanceof CompositePlacement p) return new CompositeFilter(
                (p.policies() == null ? List.<PlacementPolicy>of() : p.policies()).stream()
                        .map(PolicyFilters::forPolicy).toList(),
                p.combiner());
        if (policy instanceof LocalPlacement) return LocalFilter.INSTANCE;
        throw new IllegalArgumentException("No node filter for placement policy " + policy);
    }
}
