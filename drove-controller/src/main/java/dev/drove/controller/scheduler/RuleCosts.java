package dev.drove.controller.scheduler;

import org.apache.commons.jexl3.JexlArithmetic;
import org.apache.commons.jexl3.introspection.JexlPermissions;

import java.lang.reflect.Method;
import java.math.MathContext;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What keeps one RULE_BASED rule cheap: the scheduler evaluates it once per candidate executor for every placement, on
 * the leader, so a rule must not be able to build huge values or spin.
 * <ul>
 *     <li>{@link #MAX_RULE_LENGTH}: a rule is at most 1,024 characters; with loops, lambdas and local variables
 *     already refused by the language, everything a rule computes then grows at most linearly with its text.</li>
 *     <li>{@link #permissions()}: of JEXL's RESTRICTED set, only methods that read (contains, startsWith, size, …);
 *     {@code String.repeat}, {@code String.format}, {@code replaceAll} and the like fail with "unsolvable method".</li>
 *     <li>{@link Arithmetic}: the {@code =~} and {@code !~} operators with a regular expression match within a budget
 *     of {@link #REGEX_STEP_BUDGET} character reads, so a pattern that backtracks catastrophically fails the rule for
 *     that executor instead of holding the scheduler.</li>
 * </ul>
 */
public final class RuleCosts {
    static final int MAX_RULE_LENGTH = 1024;
    static final long REGEX_STEP_BUDGET = 200_000;

    /** Methods a rule may call: they read their receiver and cost at most its size. */
    private static final Set<String> READING_METHODS = Set.of(
            "contains", "containsKey", "containsValue", "containsAll", "get", "getOrDefault", "size", "isEmpty",
            "length", "startsWith", "endsWith", "equals", "equalsIgnoreCase", "compareTo", "compareToIgnoreCase",
            "indexOf", "lastIndexOf", "charAt", "isBlank", "toLowerCase", "toUpperCase", "trim", "strip",
            "substring", "keySet", "values", "toString", "hashCode", "intValue", "longValue", "doubleValue");

    private RuleCosts() {
    }

    static JexlPermissions permissions() {
        return new ReadOnlyMethods(JexlPermissions.RESTRICTED);
    }

    private static final class ReadOnlyMethods extends JexlPermissions.Delegate {
        private ReadOnlyMethods(JexlPermissions base) {
            super(base);
        }

        @Override
        public boolean allow(Method method) {
            return READING_METHODS.contains(method.getName()) && super.allow(method);
        }

        @Override
        public boolean allow(Class<?> clazz, Method method) {
            return READING_METHODS.contains(method.getName()) && super.allow(clazz, method);
        }

        @Override
        public JexlPermissions compose(String... src) {
            return new ReadOnlyMethods(base.compose(src));
        }
    }

    /** Raised when a regular expression in a rule reads more than {@link #REGEX_STEP_BUDGET} characters. */
    static final class RegexTooCostlyException extends RuntimeException {
        RegexTooCostlyException(String pattern) {
            super("regular expression '%s' needs more than %,d steps; simplify it".formatted(pattern,
                    REGEX_STEP_BUDGET));
        }
    }

    /** JEXL's arithmetic with regular-expression matching under a step budget. */
    public static final class Arithmetic extends JexlArithmetic {
        public Arithmetic(boolean strict) {
            super(strict);
        }

        private Arithmetic(boolean strict, MathContext context, int scale) {
            super(strict, context, scale);
        }

        @Override
        protected JexlArithmetic createWithOptions(boolean strict, MathContext context, int scale) {
            return new Arithmetic(strict, context, scale);
        }

        @Override
        public Boolean contains(Object container, Object value) {
            if (container instanceof Pattern pattern && value != null) {
                return matchWithinBudget(pattern, value.toString());
            }
            if (container instanceof CharSequence regex && value != null) {
                return matchWithinBudget(Pattern.compile(regex.toString()), value.toString());
            }
            return super.contains(container, value);
        }

        private static boolean matchWithinBudget(Pattern pattern, String input) {
            return pattern.matcher(new BudgetedText(input, pattern.pattern())).matches();
        }
    }

    /** A string whose reads are counted; the regex engine reads through it, so backtracking spends the budget. */
    private static final class BudgetedText implements CharSequence {
        private final String text;
        private final String pattern;
        private final long[] steps;

        BudgetedText(String text, String pattern) {
            this(text, pattern, new long[1]);
        }

        private BudgetedText(String text, String pattern, long[] steps) {
            this.text = text;
            this.pattern = pattern;
            this.steps = steps;
        }

        @Override
        public char charAt(int index) {
            if (++steps[0] > REGEX_STEP_BUDGET) {
                throw new RegexTooCostlyException(pattern);
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new BudgetedText(text.substring(start, end), pattern, steps);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
