package dev.drove.executor.checks;

import dev.drove.models.application.PortType;
import dev.drove.models.application.PreShutdownSpec;
import dev.drove.models.application.checks.CheckModeSpec;
import dev.drove.models.application.checks.CheckResult;
import dev.drove.models.application.checks.CheckResult.Status;
import dev.drove.models.application.checks.CmdCheckModeSpec;
import dev.drove.models.application.checks.HTTPCheckModeSpec;
import dev.drove.models.common.HTTPVerb;
import dev.drove.models.common.Protocol;
import dev.drove.models.instance.InstancePort;
import io.dropwizard.util.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class PreShutdownRunnerTest {
    private final PreShutdownRunner runner = new PreShutdownRunner(Duration.seconds(2));
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final ScriptedServer server = ScriptedServer.http()
            .answer("/drain", 500)
            .answer("/bye", 200)
            .onRequest(request -> events.add(request.method() + " " + request.path()));
    private final RecordingCommands commands = new RecordingCommands(command -> {
        events.add(String.join(" ", command));
        return new CommandResult(command.contains("fail") ? 3 : 0, "");
    });

    @AfterEach
    void closeServer() {
        server.close();
    }

    @Test
    void everyHookRunsOnceInOrderAndAFailedHookDoesNotStopTheOthers() {
        var hooks = List.<CheckModeSpec>of(
                new HTTPCheckModeSpec(Protocol.HTTP, "main", "/drain", HTTPVerb.POST, Set.of(200), "now", null, false),
                new CmdCheckModeSpec("prestop", true),
                HTTPCheckModeSpec.get("admin", "/missing-port"),
                new CmdCheckModeSpec("fail", true),
                HTTPCheckModeSpec.get("main", "/bye"));

        List<CheckResult> results = runner.run(new PreShutdownSpec(hooks, null), "AI-1", ports(), "c-1", commands);

        assertThat(events).containsExactly("POST /drain", "prestop", "fail", "GET /bye");
        assertThat(results).extracting(CheckResult::status).containsExactly(
                Status.UNHEALTHY, Status.HEALTHY, Status.UNHEALTHY, Status.UNHEALTHY, Status.HEALTHY);
        assertThat(results.get(0).message()).isEqualTo("POST " + url("/drain") + " answered 500");
        assertThat(results.get(2).message()).contains("port 'admin'");
        assertThat(results.get(4).message()).isEqualTo("GET " + url("/bye") + " answered 200");
        assertThat(commands.calls()).extracting(RecordingCommands.Call::timeout)
                .containsOnly(java.time.Duration.ofSeconds(2));
    }

    @Test
    void theContainerGetsWaitBeforeKillAfterTheLastHook() {
        var spec = new PreShutdownSpec(List.of(new CmdCheckModeSpec("prestop", true)), Duration.milliseconds(150));
        long start = System.nanoTime();

        runner.run(spec, "AI-1", ports(), "c-1", new RecordingCommands(command -> {
            events.add(Long.toString(System.nanoTime()));
            return new CommandResult(0, "");
        }));

        long hookRan = Long.parseLong(events.get(0));
        assertThat(System.nanoTime() - hookRan).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(150));
        assertThat(hookRan).isGreaterThanOrEqualTo(start);
    }

    @Test
    void anInterruptDoesNotShortenTheGraceTimeButIsKept() {
        var spec = new PreShutdownSpec(null, Duration.milliseconds(120));
        long start = System.nanoTime();
        Thread.currentThread().interrupt();
        try {
            runner.run(spec, "AI-1", ports(), "c-1", commands);

            assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(120));
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void withoutHooksOrWaitTheContainerMayBeKilledAtOnce() {
        long start = System.nanoTime();

        assertThat(runner.run(PreShutdownSpec.DEFAULT, "AI-1", ports(), "c-1", commands)).isEmpty();

        assertThat(System.nanoTime() - start).isLessThan(TimeUnit.SECONDS.toNanos(1));
        assertThat(events).isEmpty();
    }

    private Map<String, InstancePort> ports() {
        return Map.of("main", new InstancePort(8000, server.port(), PortType.HTTP));
    }

    private String url(String path) {
        return "http://localhost:" + server.port() + path;
    }
}
