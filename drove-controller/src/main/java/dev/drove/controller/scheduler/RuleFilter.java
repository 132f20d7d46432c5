package dev.drove.controller.scheduler;

import org.apache.commons.jexl3.JexlScript;

/**
 * RULE_BASED: executors for which the rule gives true. A rule that fails while running (however it fails), or gives
 * something other than true or false, rejects the executor and says so; it never fails the placement itself.
 */
final class RuleFilter implements NodeFilter {
    private final String rule;
    private final JexlScript script;

    private RuleFilter(String rule, JexlScript script) {
        this.rule = rule;
        this.script = script;
    }

    /** @throws InvalidRuleException when the rule does not compile */
    static RuleFilter compile(String rule) {
        return new RuleFilter(rule, RuleLanguage.compile(rule));
    }

    @Override
    public Verdict check(PlacementRequest request, ExecutorSnapshot executor) {
        Object result;
        try {
            result = RuleLanguage.evaluate(script, request, executor);
        } catch (RuntimeException e) {
            return Verdict.reject("cannot be checked by rule '%s': %s", rule, RuleLanguage.describe(e));
        }
        if (Boolean.TRUE.equals(result)) {
            return Verdict.ACCEPT;
        }
        if (Boolean.FALSE.equals(result)) {
            return Verdict.reject("does not satisfy rule '%s'", rule);
        }
        return Verdict.reject("cannot be checked by rule '%s': it gives %s, not true or false", rule, result);
    }
}
