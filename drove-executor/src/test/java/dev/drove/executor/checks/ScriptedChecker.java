package dev.drove.executor.checks;

import dev.drove.models.application.checks.CheckResult;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A checker that answers from a script: 'P' passes, 'F' fails with "failure n", 'X' throws. After the script it
 * repeats the last answer, and it can trip a stop signal when the script is used up.
 */
final class ScriptedChecker implements Checker {
    private final Deque<Character> script = new ArrayDeque<>();
    private final List<Long> runNanos = new CopyOnWriteArrayList<>();
    private final List<Thread> runThreads = new CopyOnWriteArrayList<>();
    private char last;
    private StopSignal tripWhenDone;

    ScriptedChecker(String answers) {
        for (char answer : answers.toCharArray()) {
            script.add(answer);
        }
        last = answers.charAt(answers.length() - 1);
    }

    /** After the script is used up, the next run trips {@code stop} (and fails). */
    ScriptedChecker thenTrip(StopSignal stop) {
        tripWhenDone = stop;
        return this;
    }

    @Override
    public CheckResult check() {
        runNanos.add(System.nanoTime());
        runThreads.add(Thread.currentThread());
        int run = runNanos.size();
        Character answer = script.poll();
        if (answer == null) {
            if (tripWhenDone != null) {
                tripWhenDone.trip();
            }
            answer = last;
        }
        if (answer == 'X') {
            throw new IllegalStateException("checker broke on run " + run);
        }
        return answer == 'P'
                ? new CheckResult(CheckResult.Status.HEALTHY, "pass " + run)
                : CheckResult.unhealthy("failure " + run);
    }

    int runs() {
        return runNanos.size();
    }

    List<Long> runNanos() {
        return List.copyOf(runNanos);
    }

    List<Thread> runThreads() {
        return List.copyOf(runThreads);
    }
}
