package dev.drove.controller.api;

import dev.drove.controller.scheduler.ClusterResources;
import dev.drove.controller.scheduler.PlacementRequest;
import dev.drove.controller.scheduler.RuleCheck;
import dev.drove.controller.scheduler.Scheduler;
import dev.drove.controller.api.RuleDryRunResult.RuleCheckResponse;
import dev.drove.controller.api.RuleDryRunResult.RuleEvalResponse;
import dev.drove.controller.api.RuleDryRunResult.RuleStatus;
import dev.drove.models.info.nodedata.ExecutorNodeData;
import dev.drove.models.info.nodedata.ExecutorState;
import dev.drove.models.info.nodedata.NodeTransportType;
import dev.drove.models.info.resources.AvailableCPU;
import dev.drove.models.info.resources.AvailableMemory;
import dev.drove.models.info.resources.ExecutorResourceSnapshot;

import java.util.Date;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Compiles a RULE_BASED rule and evaluates it for one executor, without touching the cluster: the rule is placed,
 * through the real scheduler, on a private book holding only a stand-in executor with the given id (also its
 * hostname), the given metadata, no tags, and one free core and MB. A placement means the rule gave true; a
 * rejection "does not satisfy rule" means false; any other rejection means it could not be evaluated (it failed or
 * gave something other than true or false).
 */
final class RuleDryRun {
    private static final String GROUP = "rule-dry-run";
    private static final String FALSE_VERDICT = "does not satisfy rule";

    private RuleDryRun() {
    }

    static RuleDryRunResult run(DryRunRuleInfo info) {
        var rule = info.ruleBasedPlacementPolicy().rule();
        var check = RuleCheck.compile(rule);
        if (!check.valid()) {
            return new RuleDryRunResult(false, new RuleCheckResponse(RuleStatus.FAILURE, check.error()),
                    new RuleEvalResponse(RuleStatus.FAILURE, false, "The rule was not evaluated: it does not compile"));
        }
        var eval = evaluate(info);
        return new RuleDryRunResult(eval.result(), new RuleCheckResponse(RuleStatus.SUCCESS, null), eval);
    }

    private static RuleEvalResponse evaluate(DryRunRuleInfo info) {
        var executor = info.schedulingInfo();
        var book = new ClusterResources();
        book.update(standIn(executor.executorNodeId(), executor.allocatedExecutorNodeMetadata()));
        var scheduler = new Scheduler(book, new Random(0));
        try (var session = scheduler.session()) {
            var result = scheduler.place(PlacementRequest.of(GROUP, 1, 1, info.ruleBasedPlacementPolicy()), session);
            if (result.isPlaced()) {
                return new RuleEvalResponse(RuleStatus.SUCCESS, true, null);
            }
            return result.failure().contains(FALSE_VERDICT)
                    ? new RuleEvalResponse(RuleStatus.SUCCESS, false, null)
                    : new RuleEvalResponse(RuleStatus.FAILURE, false, result.failure());
        }
    }

    private static ExecutorNodeData standIn(String executorId, Map<String, String> metadata) {
        var resources = new ExecutorResourceSnapshot(executorId,
                new AvailableCPU(Map.of(0, Set.of(0)), Map.of()),
                new AvailableMemory(Map.of(0, 1L), Map.of()),
                null);
        return new ExecutorNodeData(executorId, 1, NodeTransportType.HTTP, new Date(), resources, null, null, null,
                Set.of(), metadata, ExecutorState.ACTIVE);
    }
}
