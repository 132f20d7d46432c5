package dev.drove.executor.engine;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * One engine pull per image at a time: when instances of one app start together, the first caller pulls and the
 * others wait for its outcome instead of each asking the engine (and through it the registry) again. Nothing is
 * remembered once the pull ends: the next start pulls again, so a moved tag is still picked up.
 *
 * <p>The outcome is the pull's failure reason, or null when it succeeded. A caller waits at most its own timeout:
 * one that gives up gets "timed out after N s", like a pull of its own would. The pulling caller runs the pull on its
 * own thread, bounded by its own timeout. Thread-safe.
 */
final class SharedPulls {
    private final Map<String, CompletableFuture<String>> inFlight = new ConcurrentHashMap<>();

    /**
     * The outcome of pulling {@code reference}: {@code pull} run here with {@code timeout}, or the outcome of the
     * pull of the same reference already in flight.
     *
     * @param pull pulls within the timeout it is given; returns null on success, otherwise the reason
     * @throws ContainerEngineException when interrupted while waiting, or when {@code pull} threw it
     */
    String pull(String reference, Duration timeout, Function<Duration, String> pull) {
        var mine = new CompletableFuture<String>();
        var running = inFlight.putIfAbsent(reference, mine);
        if (running != null) {
            return await(reference, running, timeout);
        }
        try {
            String outcome = pull.apply(timeout);
            mine.complete(outcome);
            return outcome;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(reference, mine);
        }
    }

    /** How many callers wait for the pull of {@code reference} in flight now (for tests). */
    int waiting(String reference) {
        var running = inFlight.get(reference);
        return running == null ? 0 : running.getNumberOfDependents();
    }

    private static String await(String reference, CompletableFuture<String> running, Duration timeout) {
        try {
            return running.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return "timed out after " + timeout.toSeconds() + " s";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ContainerEngineException("Interrupted while pulling " + reference, e);
        } catch (ExecutionException | CancellationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return "the shared pull failed: " + ContainerEngineException.reasonOf(cause);
        }
    }
}
