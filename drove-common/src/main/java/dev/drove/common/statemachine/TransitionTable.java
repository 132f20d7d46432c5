package dev.drove.common.statemachine;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The legal transitions of one state machine, written as a table copied from the docs' diagram.
 *
 * <pre>{@code
 * TransitionTable.of(InstanceState.class)
 *         .from(PENDING).to(PROVISIONING, STOPPING)
 *         .terminal(STOPPED)
 *         .build();   // fails if a state is neither mapped nor terminal
 * }</pre>
 *
 * An illegal transition is a bug in the caller, so {@link #check} throws naming both states.
 */
public final class TransitionTable<S extends Enum<S>> {
    private final Class<S> type;
    private final Map<S, Set<S>> next;
    private final Set<S> terminal;

    private TransitionTable(Class<S> type, Map<S, Set<S>> next, Set<S> terminal) {
        this.type = type;
        this.next = next;
        this.terminal = terminal;
    }

    public static <S extends Enum<S>> Builder<S> of(Class<S> type) {
        return new Builder<>(type);
    }

    public boolean allows(S from, S to) {
        return next.getOrDefault(from, Set.of()).contains(to);
    }

    /** Returns {@code to} when the table allows the move, else throws naming both states. */
    public S check(S from, S to) {
        if (!allows(from, to)) {
            throw new IllegalStateException(String.format("Illegal %s transition %s -> %s (allowed from %s: %s)",
                    type.getSimpleName(), from, to, from, next.getOrDefault(from, Set.of())));
        }
        return to;
    }

    public boolean isTerminal(S state) {
        return terminal.contains(state);
    }

    /** The states reachable in one step from {@code from}, empty for terminal states. */
    public Set<S> nextStates(S from) {
        return next.getOrDefault(from, Set.of());
    }

    public static final class Builder<S extends Enum<S>> {
        private final Class<S> type;
        private final Map<S, Set<S>> next;
        private final Set<S> terminal;

        private Builder(Class<S> type) {
            this.type = type;
            this.next = new EnumMap<>(type);
            this.terminal = EnumSet.noneOf(type);
        }

        public From from(S state) {
            return new From(state);
        }

        @SafeVarargs
        public final Builder<S> terminal(S... states) {
            Collections.addAll(terminal, states);
            return this;
        }

        /** Fails when a state has neither outgoing transitions nor a terminal mark, or is both. */
        public TransitionTable<S> build() {
            for (var state : type.getEnumConstants()) {
                var mapped = next.containsKey(state);
                var isTerminal = terminal.contains(state);
                if (mapped == isTerminal) {
                    throw new IllegalStateException(type.getSimpleName() + "." + state + (mapped
                            ? " is terminal but has transitions" : " has no transitions and is not terminal"));
                }
            }
            var frozen = new EnumMap<S, Set<S>>(type);
            next.forEach((from, to) -> frozen.put(from, Collections.unmodifiableSet(EnumSet.copyOf(to))));
            return new TransitionTable<>(type, Collections.unmodifiableMap(frozen),
                    Collections.unmodifiableSet(EnumSet.copyOf(terminal.isEmpty() ? EnumSet.noneOf(type) : terminal)));
        }

        public final class From {
            private final S state;

            private From(S state) {
                this.state = state;
            }

            @SafeVarargs
            public final Builder<S> to(S... states) {
                var targets = next.computeIfAbsent(state, s -> EnumSet.noneOf(type));
                Collections.addAll(targets, states);
                return Builder.this;
            }
        }
    }
}
