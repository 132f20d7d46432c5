package dev.drove.models.application;

import dev.drove.models.application.checks.CheckModeSpec;
import dev.drove.models.application.checks.CheckSpec;
import dev.drove.models.application.checks.HTTPCheckModeSpec;
import dev.drove.models.validation.Problem;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A long-running container spec with named ports and checks: an application or a local service. Holds the rules
 * about ports they share.
 */
public interface ServiceSpec extends ContainerSpec {
    String name();

    String version();

    JobType type();

    List<PortSpec> exposedPorts();

    CheckSpec healthcheck();

    CheckSpec readiness();

    PreShutdownSpec preShutdown();

    /**
     * The container rules plus: port names and port numbers are unique, and every HTTP check or hook names a port of
     * {@code exposedPorts}.
     */
    default List<Problem> serviceProblems() {
        var problems = new ArrayList<>(containerProblems());
        var ports = exposedPorts() == null ? List.<PortSpec>of()
                : exposedPorts().stream().filter(Objects::nonNull).toList();
        var names = new HashSet<String>();
        var numbers = new HashSet<Integer>();
        for (var port : ports) {
            if (port.name() != null && !names.add(port.name())) {
                problems.add(Problem.at("exposedPorts", "has more than one port named '%s'", port.name()));
            }
            if (!numbers.add(port.port())) {
                problems.add(Problem.at("exposedPorts", "has more than one entry for port %d", port.port()));
            }
        }
        var known = new TreeSet<>(names);
        checkPort(problems, "healthcheck.mode.portName", healthcheck() == null ? null : healthcheck().mode(), known);
        checkPort(problems, "readiness.mode.portName", readiness() == null ? null : readiness().mode(), known);
        if (preShutdown() != null) {
            var hooks = preShutdown().hooks();
            for (int i = 0; i < hooks.size(); i++) {
                checkPort(problems, "preShutdown.hooks[" + i + "].portName", hooks.get(i), known);
            }
        }
        return problems;
    }

    /** Reports {@code path} when {@code name} is given and is not one of {@code known} port names. */
    static void namedPort(List<Problem> problems, String path, String name, Set<String> known) {
        if (name != null && !name.isEmpty() && !known.contains(name)) {
            problems.add(Problem.at(path, "'%s' is not a port name in exposedPorts %s", name, known));
        }
    }

    private static void checkPort(List<Problem> problems, String path, CheckModeSpec mode, Set<String> known) {
        if (mode instanceof HTTPCheckModeSpec http) {
            namedPort(problems, path, http.portName(), known);
        }
    }

    /** The names of the exposed ports, sorted, for messages and lookups. */
    default Set<String> portNames() {
        var names = new TreeSet<String>();
        if (exposedPorts() != null) {
            exposedPorts().stream().filter(Objects::nonNull).map(PortSpec::name).filter(Objects::nonNull)
                    .forEach(names::add);
        }
        return names;
    }
}
