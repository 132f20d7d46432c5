package dev.drove.models.application.placement;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Where the containers of one {@code {name, version}} may run (docs: snippets/common_configs.md, "Placement Policy
 * Specification"). Policies hold per version, not per name. A spec without a policy is placed as {@code ANY}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = AnyPlacement.class, name = "ANY"),
        @JsonSubTypes.Type(value = OnePerHostPlacement.class, name = "ONE_PER_HOST"),
        @JsonSubTypes.Type(value = MaxNPerHostPlacement.class, name = "MAX_N_PER_HOST"),
        @JsonSubTypes.Type(value = MatchTagPlacement.class, name = "MATCH_TAG"),
        @JsonSubTypes.Type(value = NoTagPlacement.class, name = "NO_TAG"),
        @JsonSubTypes.Type(value = RuleBasedPlacement.class, name = "RULE_BASED"),
        @JsonSubTypes.Type(value = CompositePlacement.class, name = "COMPOSITE"),
        @JsonSubTypes.Type(value = LocalPlacement.class, name = "LOCAL")})
public sealed interface PlacementPolicy
        permits AnyPlacement, OnePerHostPlacement, MaxNPerHostPlacement, MatchTagPlacement, NoTagPlacement,
        RuleBasedPlacement, CompositePlacement, LocalPlacement {

    /** The policy used when a spec names none. */
    PlacementPolicy DEFAULT = new AnyPlacement();

    /**
     * Whether this policy is or contains {@code LOCAL}, which only local services may use: it places one set of
     * instances on every executor rather than choosing executors.
     */
    default boolean involvesLocal() {
        if (this instanceof LocalPlacement) {
            return true;
        }
        if (this instanceof CompositePlacement composite && composite.policies() != null) {
            return composite.policies().stream().anyMatch(p -> p != null && p.involvesLocal());
        }
        return false;
    }

    /** The JSON {@code type} of a policy, for messages ("must be LOCAL, not ANY"). */
    static String typeName(PlacementPolicy policy) {
        for (var subtype : PlacementPolicy.class.getAnnotation(JsonSubTypes.class).value()) {
            if (subtype.value().equals(policy.getClass())) {
                return subtype.name();
            }
        }
        throw new IllegalArgumentException("Not a known placement policy: " + policy);
    }
}
