package dev.drove.controller.scheduler;

import dev.drove.models.application.placement.CompositePlacement;
import dev.drove.models.application.placement.MatchTagPlacement;
import dev.drove.models.application.placement.PlacementPolicy;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * The tagging rule of the docs ("Important details about executor tagging"): an executor with a tag other than its
 * hostname runs only containers whose policy asks for one of its tags through MATCH_TAG, anywhere in the policy.
 * Executors tagged only with their hostname count as untagged and pass.
 */
final class TagRuleFilter implements NodeFilter {
    private final Set<String> requestedTags;

    private TagRuleFilter(Set<String> requestedTags) {
        this.requestedTags = requestedTags;
    }

    static TagRuleFilter forPolicy(PlacementPolicy policy) {
        return new TagRuleFilter(requestedTags(policy));
    }

    /** The tags {@code policy} asks for through MATCH_TAG, anywhere in it; empty when it asks for none. */
    static Set<String> requestedTags(PlacementPolicy policy) {
        var tags = new TreeSet<String>();
        collectMatchTags(policy, tags);
        return Collections.unmodifiableSet(tags);
    }

    @Override
    public Verdict check(PlacementRequest request, ExecutorSnapshot executor) {
        if (executor.tags().size() == 1) {
            return Verdict.ACCEPT; // its hostname only: untagged
        }
        if (!requestedTags.isEmpty() && executor.tags().stream().anyMatch(requestedTags::contains)) {
            return Verdict.ACCEPT;
        }
        var reserved = executor.customTags();
        if (reserved.isEmpty()) {
            return Verdict.ACCEPT;
        }
        return Verdict.reject("is reserved for %s %s", reserved.size() == 1 ? "tag" : "tags",
                String.join(", ", reserved));
    }

    /** Only MATCH_TAG asks for tags; COMPOSITE is searched. Every other policy asks for none. */
    private static void collectMatchTags(PlacementPolicy policy, Set<String> tags) {
        if (policy instanceof MatchTagPlacement match) {
            tags.add(match.tag());
        } else if (policy instanceof CompositePlacement composite && composite.policies() != null) {
            composite.policies().forEach(child -> collectMatchTags(child, tags));
        }
    }
}
