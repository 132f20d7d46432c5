package dev.drove.controller.api;

import dev.drove.models.application.placement.RuleBasedPlacement;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The body of {@code POST /apis/v1/applications/placementpolicy/rule/dryrun} (contract §2.5): a RULE_BASED policy and
 * the executor to evaluate it for.
 */
public record DryRunRuleInfo(@NotNull @Valid RuleBasedPlacement ruleBasedPlacementPolicy,
                             @NotNull @Valid SchedulingInfo schedulingInfo) {

    /**
     * The executor a rule is evaluated for: its id and metadata. {@code allExecutorMetadata} and
     * {@code applicationEnvironment} are accepted as the original's shape has them; our rules see one executor only.
     */
    public record SchedulingInfo(@NotEmpty String executorNodeId,
                                 Map<String, String> allocatedExecutorNodeMetadata,
                                 Map<String, Map<String, String>> allExecutorMetadata,
                                 Map<String, String> applicationEnvironment) {
        public SchedulingInfo {
            allocatedExecutorNodeMetadata = copy(allocatedExecutorNodeMetadata);
            allExecutorMetadata = allExecutorMetadata == null ? Map.of()
                    : Collections.unmodifiableMap(new LinkedHashMap<>(allExecutorMetadata));
            applicationEnvironment = copy(applicationEnvironment);
        }

        private static Map<String, String> copy(Map<String, String> map) {
            return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
        }
    }
}
