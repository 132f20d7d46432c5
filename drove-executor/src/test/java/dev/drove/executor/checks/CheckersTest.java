package dev.drove.executor.checks;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import dev.drove.models.application.PortType;
import dev.drove.models.application.checks.CheckModeSpec;
import dev.drove.models.application.checks.CheckSpec;
import dev.drove.models.application.checks.CmdCheckModeSpec;
import dev.drove.models.application.checks.HTTPCheckModeSpec;
import dev.drove.models.instance.InstancePort;
import io.dropwizard.util.Duration;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CheckersTest {
    private static final Map<String, InstancePort> PORTS = Map.of("main", new InstancePort(8000, 34567, PortType.HTTP));
    private static final ContainerCommands NO_COMMANDS = (container, command, timeout) -> new CommandResult(0, "");

    @Test
    void everyCheckModeOfTheModelHasACheckerAndIsNamedInTheJsonSubtypes() {
        var named = Arrays.stream(CheckModeSpec.class.getAnnotation(JsonSubTypes.class).value())
                .map(JsonSubTypes.Type::value)
                .toList();
        var samples = Map.<Class<?>, CheckModeSpec>of(
                HTTPCheckModeSpec.class, HTTPCheckModeSpec.get("main", "/health"),
                CmdCheckModeSpec.class, new CmdCheckModeSpec("check health", false));

        for (Class<?> mode : CheckModeSpec.class.getPermittedSubclasses()) {
            assertThat(named).as("@JsonSubTypes of CheckModeSpec").contains(mode);
            assertThat(samples).as("a sample of " + mode.getSimpleName()).containsKey(mode);
            assertThat(Checkers.forMode(samples.get(mode), Duration.seconds(1), PORTS, "c-1", NO_COMMANDS))
                    .isNotNull();
        }
    }

    @Test
    void aReadinessOrHealthCheckIsBoundedByItsTimeout() {
        var commands = RecordingCommands.exitingWith(0, "");
        var check = new CheckSpec(new CmdCheckModeSpec("check ready", true), Duration.milliseconds(300),
                Duration.seconds(1), 3, null);

        Checkers.forCheck(check, PORTS, "c-1", commands).check();

        assertThat(commands.calls()).extracting(RecordingCommands.Call::timeout)
                .containsExactly(java.time.Duration.ofMillis(300));
    }

    @Test
    void anHttpCheckOnAPortTheInstanceDoesNotHaveIsRefusedWithThePortsItHas() {
        assertThatThrownBy(() -> Checkers.forMode(HTTPCheckModeSpec.get("admin", "/health"), Duration.seconds(1),
                PORTS, "c-1", NO_COMMANDS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The HTTP check calls port 'admin', but the instance only has the ports [main]");
    }
}
