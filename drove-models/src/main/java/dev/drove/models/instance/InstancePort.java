package dev.drove.models.instance;

import dev.drove.models.application.PortType;

/** One exposed port of a running instance: the port inside the container and where the executor bound it. */
public record InstancePort(int containerPort, int hostPort, PortType portType) {
}
