package dev.drove.executor.instances;

import dev.drove.common.statemachine.TransitionTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The loop that drives one instance on its own thread: current state → its step → next state, each move checked
 * against the lifecycle table, applied, logged and reported, until a terminal state.
 *
 * <pre>
 * state ──steps.get(state).run(instance)──▶ Move ──table.check──▶ instance.apply ──▶ log ──▶ observer.moved
 *   ▲                                                                                               │
 *   └──────────────────────────────────── not terminal ◀────────────────────────────────────────────┘
 * </pre>
 *
 * A step that throws, a state without a step, or an illegal move (a bug) takes the first state of
 * {@code failurePath} the table allows from the current state, with the failure as error: the instance is never left
 * hanging. One exception: when a step of a state in {@code heldStates} (the container exists) throws while the
 * container engine does not answer, the failure says nothing about the container, so the machine waits for the
 * engine ({@link EngineOutageHold}) and runs the same step again; past the hold's limit the failure path is taken.
 * {@link #detach()} ends the loop without another move, leaving the container as it is (executor shutdown).
 */
final class InstanceMachine<S extends Enum<S>, T extends TrackedInstance<S>> implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(InstanceMachine.class);

    /** What the registry does with the machine's progress. */
    interface Observer {
        /** The instance has moved; {@code terminal} when it will never move again. */
        void moved(TrackedInstance<?> instance, boolean terminal);
    }

    private final T instance;
    private final TransitionTable<S> table;
    private final Map<S, ? extends Step<S, T>> steps;
    private final List<S> failurePath;
    private final Observer observer;
    private final EngineOutageHold hold;
    private final Set<S> heldStates;
    private volatile boolean detached;
    private volatile Thread thread;

    InstanceMachine(T instance, TransitionTable<S> table, Map<S, ? extends Step<S, T>> steps, List<S> failurePath,
                    Observer observer) {
        this(instance, table, steps, failurePath, observer, null, Set.of());
    }

    /**
     * @param hold       waits out engine outages; null: every failure takes the failure path at once
     * @param heldStates the states whose failed steps are run again after an engine outage
     */
    InstanceMachine(T instance, TransitionTable<S> table, Map<S, ? extends Step<S, T>> steps, List<S> failurePath,
                    Observer observer, EngineOutageHold hold, Set<S> heldStates) {
        this.instance = instance;
        this.table = table;
        this.steps = steps;
        this.failurePath = List.copyOf(failurePath);
        this.observer = observer;
        this.hold = hold;
        this.heldStates = Set.copyOf(heldStates);
    }

    T instance() {
        return instance;
    }

    /** Starts the loop on a new thread named after the instance. */
    void start() {
        Thread worker = new Thread(this, "instance-" + instance.instanceId());
        worker.setDaemon(true);
        thread = worker;
        worker.start();
    }

    /** Ends the loop without touching the container; the instance is neither moved nor reported again. */
    void detach() {
        detached = true;
        Thread worker = thread;
        if (worker != null) {
            worker.interrupt();
        }
        instance.closeLogs();
    }

    boolean isDetached() {
        return detached;
    }

    @Override
    public void run() {
        S state = instance.state();
        while (!table.isTerminal(state)) {
            Move<S> move = next(state);
            if (detached) {
                LOG.info("{} is no longer watched by this executor (left in {})", instance.describe(), state);
                return;
            }
            instance.apply(move);
            log(move);
            state = move.to();
            observer.moved(instance, table.isTerminal(state));
        }
    }

    private Move<S> next(S state) {
        while (true) {
            try {
                return runStep(state);
            } catch (RuntimeException e) {
                if (detached) {
                    return Move.to(state);
                }
                if (hold != null && heldStates.contains(state) && hold.engineIsAway()) {
                    LOG.warn("{} stays {} while the container engine does not answer ({})", instance.describe(),
                            state, e.getMessage());
                    if (hold.awaitEngine(() -> detached)) {
                        LOG.info("{}: the container engine answers again; resuming {}", instance.describe(), state);
                        continue;
                    }
                    if (detached) {
                        return Move.to(state);
                    }
                }
                return failed(state, e);
            }
        }
    }

    private Move<S> runStep(S state) {
        Step<S, T> step = steps.get(state);
        if (step == null) {
            throw new IllegalStateException("No step is bound for state " + state);
        }
        Move<S> move = step.run(instance);
        table.check(state, move.to());
        return move;
    }

    private Move<S> failed(S state, RuntimeException e) {
        S target = failurePath.stream()
                .filter(candidate -> table.allows(state, candidate))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No way out of " + state + " for "
                        + instance.describe(), e));
        LOG.error("{} failed in {}; moving to {}", instance.describe(), state, target, e);
        return Move.failed(target, "Failed in " + state + ": " + (e.getMessage() == null
                ? e.getClass().getSimpleName() : e.getMessage()));
    }

    private void log(Move<S> move) {
        String line = instance.describe() + " is " + move.to() + move.detail();
        if (move.error() != null) {
            LOG.warn("{}", line);
        } else {
            LOG.info("{}", line);
        }
    }
}
