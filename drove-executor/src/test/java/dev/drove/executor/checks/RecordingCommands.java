package dev.drove.executor.checks;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** A {@link ContainerCommands} that records what it was asked to run and answers through a function. */
final class RecordingCommands implements ContainerCommands {
    private final Function<List<String>, CommandResult> answers;
    private final List<Call> calls = new CopyOnWriteArrayList<>();

    /** One exec request. */
    record Call(String containerId, List<String> command, Duration timeout) {
    }

    RecordingCommands(Function<List<String>, CommandResult> answers) {
        this.answers = answers;
    }

    static RecordingCommands exitingWith(int exitCode, String output) {
        return new RecordingCommands(command -> new CommandResult(exitCode, output));
    }

    @Override
    public CommandResult exec(String containerId, List<String> command, Duration timeout) {
        calls.add(new Call(containerId, List.copyOf(command), timeout));
        return answers.apply(command);
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }
}
