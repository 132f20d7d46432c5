package dev.drove.executor.checks;

import dev.drove.models.application.checks.CheckModeSpec;
import dev.drove.models.application.checks.CheckSpec;
import dev.drove.models.application.checks.CmdCheckModeSpec;
import dev.drove.models.application.checks.HTTPCheckModeSpec;
import dev.drove.models.instance.InstancePort;
import io.dropwizard.util.Duration;

import java.util.Map;

/** Builds the {@link Checker} for a check mode of a spec. */
public final class Checkers {

    private Checkers() {
    }

    /** The checker for a readiness or health check: its mode, bounded by its {@code timeout}. */
    public static Checker forCheck(CheckSpec check, Map<String, InstancePort> ports, String containerId,
                                   ContainerCommands commands) {
        return forMode(check.mode(), check.timeout(), ports, containerId, commands);
    }

    /**
     * The checker for one probe of a container.
     *
     * @param timeout     how long one run may take: the HTTP request timeout, or the command's time limit
     * @param ports       the instance's ports by name ({@code LocalInstanceInfo.ports()}); HTTP checks call the
     *                    host port of their {@code portName} on localhost
     * @param containerId where CMD checks run
     * @param commands    how CMD checks run
     * @throws IllegalArgumentException when an HTTP check names a port the instance does not have
     */
    public static Checker forMode(CheckModeSpec mode, Duration timeout, Map<String, InstancePort> ports,
                                  String containerId, ContainerCommands commands) {
        if (mode instanceof HTTPCheckModeSpec http) {
            return new HttpChecker(http, hostPort(http.portName(), ports), timeout);
        }
        if (mode instanceof CmdCheckModeSpec cmd) {
            return new CmdChecker(cmd, containerId, commands, timeout);
        }
        throw new IllegalArgumentException("No checker for check mode " + mode);
    }

    private static int hostPort(String portName, Map<String, InstancePort> ports) {
        InstancePort port = ports.get(portName);
        if (port == null) {
            throw new IllegalArgumentException("The HTTP check calls port '" + portName
                    + "', but the instance only has the ports " + ports.keySet());
        }
        return port.hostPort();
    }
}
