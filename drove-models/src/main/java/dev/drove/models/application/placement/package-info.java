/**
 * Placement policies: which executors may run the containers of one {@code {name, version}}.
 *
 * <pre>
 * ANY | ONE_PER_HOST | MAX_N_PER_HOST{max 1..64} | MATCH_TAG{tag} | NO_TAG
 * RULE_BASED{rule, ruleType HOPE|MVEL} | COMPOSITE{policies, combiner AND|OR} | LOCAL{hostLevel} (local services only)
 * </pre>
 * Executors always carry their hostname as a tag; every policy but MATCH_TAG treats such an executor as untagged.
 */
package dev.drove.models.application.placement;
