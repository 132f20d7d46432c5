package dev.drove.controller.scheduler;

import org.apache.commons.jexl3.JexlBuilder;
import org.apache.commons.jexl3.JexlEngine;
import org.apache.commons.jexl3.JexlException;
import org.apache.commons.jexl3.JexlFeatures;
import org.apache.commons.jexl3.JexlInfo;
import org.apache.commons.jexl3.JexlScript;
import org.apache.commons.jexl3.MapContext;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.PatternSyntaxException;

/**
 * The expression language of RULE_BASED placement, for both {@code ruleType}s (HOPE and MVEL): Apache Commons JEXL 3,
 * limited to side-effect-free expressions (no assignment, loops, lambdas, {@code new}, pragmas) and JEXL's
 * RESTRICTED permissions. A rule sees these variables about the executor being checked:
 * <pre>
 * executorId, hostname          strings
 * tags                          set of strings, including the hostname      'gpu' =~ tags, tags.contains('gpu')
 * metadata                      map of strings                              metadata.rack == 'r1'
 * state                         ExecutorState name                          state == 'ACTIVE'
 * freeCores, freeMemoryMB       totals over all NUMA nodes                  freeCores >= 8
 * freeCoresByNode               NUMA node id to free core count             freeCoresByNode[0] >= 2
 * freeMemoryByNode              NUMA node id to free MB
 * numaNodes, numaPinning        node count; whether there is more than one node
 * instances                     containers of the request's group already there
 * cpus, memoryMB                what the request asks for
 * </pre>
 * A rule must give true or false. The engine and compiled scripts are thread-safe. {@link RuleCosts} keeps every rule
 * cheap to evaluate: at most 1,024 characters, reading methods only, regular expressions under a step budget.
 */
final class RuleLanguage {
    static final Set<String> VARIABLES = Set.of("executorId", "hostname", "tags", "metadata", "state", "freeCores",
            "freeMemoryMB", "freeCoresByNode", "freeMemoryByNode", "numaNodes", "numaPinning", "instances", "cpus",
            "memoryMB");

    private static final JexlEngine ENGINE = new JexlBuilder()
            .features(new JexlFeatures()
                    .sideEffect(false)
                    .sideEffectGlobal(false)
                    .loops(false)
                    .lambda(false)
                    .newInstance(false)
                    .localVar(false)
                    .pragma(false)
                    .annotation(false)
                    .importPragma(false)
                    .namespacePragma(false))
            .permissions(RuleCosts.permissions())
            .arithmetic(new RuleCosts.Arithmetic(true))
            .strict(true)
            .safe(false)
            .silent(false)
            .cache(1024)
            .create();

    private RuleLanguage() {
    }

    /**
     * Parses {@code rule} and checks that it names only known variables.
     *
     * @throws InvalidRuleException saying what is wrong, e.g. "RULE_BASED rule 'hostname ==' is not a valid
     *                              expression: parsing error in '==' at 1:10"
     */
    static JexlScript compile(String rule) {
        if (rule == null || rule.isBlank()) {
            throw new InvalidRuleException("RULE_BASED rule is empty");
        }
        if (rule.length() > RuleCosts.MAX_RULE_LENGTH) {
            throw new InvalidRuleException("RULE_BASED rule is %,d characters long; at most %,d are allowed"
                    .formatted(rule.length(), RuleCosts.MAX_RULE_LENGTH));
        }
        JexlScript script;
        try {
            script = ENGINE.createScript(new JexlInfo("rule", 1, 1), rule);
        } catch (JexlException e) {
            throw new InvalidRuleException("RULE_BASED rule '%s' is not a valid expression: %s"
                    .formatted(rule, describe(e)));
        }
        var unknown = new TreeSet<String>();
        script.getVariables().forEach(path -> {
            if (!path.isEmpty() && !VARIABLES.contains(path.get(0))) {
                unknown.add(path.get(0));
            }
        });
        if (!unknown.isEmpty()) {
            throw new InvalidRuleException("RULE_BASED rule '%s' uses unknown variable%s %s; known variables: %s"
                    .formatted(rule, unknown.size() == 1 ? "" : "s", String.join(", ", unknown),
                            String.join(", ", new TreeSet<>(VARIABLES))));
        }
        return script;
    }

    /**
     * Evaluates a compiled rule for one executor and request; JEXL's errors come out as JexlException, a regular
     * expression that is broken or over its budget possibly unwrapped; {@link #describe} words each.
     */
    static Object evaluate(JexlScript script, PlacementRequest request, ExecutorSnapshot executor) {
        var context = new MapContext(Map.ofEntries(
                Map.entry("executorId", executor.id()),
                Map.entry("hostname", executor.hostname()),
                Map.entry("tags", executor.tags()),
                Map.entry("metadata", executor.metadata()),
                Map.entry("state", executor.state().name()),
                Map.entry("freeCores", executor.freeCoreCount()),
                Map.entry("freeMemoryMB", executor.freeMemoryMB()),
                Map.entry("freeCoresByNode", executor.freeCoresByNode()),
                Map.entry("freeMemoryByNode", executor.freeMemoryByNode()),
                Map.entry("numaNodes", executor.nodes().size()),
                Map.entry("numaPinning", executor.numaPinning()),
                Map.entry("instances", executor.instancesOf(request.groupKey())),
                Map.entry("cpus", request.cpus()),
                Map.entry("memoryMB", request.memoryMB())));
        return script.execute(context);
    }

    /**
     * JEXL's message without the "rule@1:10" prefix, with the position at the end; a regular expression that is
     * broken or over its budget is described by its own words instead of JEXL's "error calling operator".
     */
    static String describe(RuntimeException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof RuleCosts.RegexTooCostlyException) {
                return cause.getMessage();
            }
            if (cause instanceof PatternSyntaxException broken) {
                return "'%s' is not a regular expression: %s".formatted(broken.getPattern(), broken.getDescription());
            }
        }
        var message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (!(e instanceof JexlException jexl)) {
            return message;
        }
        var info = jexl.getInfo();
        var prefix = message.indexOf(' ');
        if (info != null && prefix > 0 && message.substring(0, prefix).contains("@")) {
            return message.substring(prefix + 1) + " at " + info.getLine() + ":" + info.getColumn();
        }
        return message;
    }
}
