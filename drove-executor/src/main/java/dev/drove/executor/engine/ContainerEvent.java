package dev.drove.executor.engine;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Something that happened to a container, as the engine's event stream reported it.
 *
 * @param containerId the container's full id
 * @param type        what happened
 * @param exitCode    the exit code, for {@link Type#DIE} events only
 */
public record ContainerEvent(String containerId, Type type, OptionalInt exitCode) {

    /** The engine events {@link ContainerEvents} subscribes to, by the engine's action name. */
    public enum Type {
        /** The container's main process ended (also after stop and kill). */
        DIE,
        /** The kernel killed a process of the container for exceeding its memory limit; a DIE follows. */
        OOM,
        /** The container was removed. */
        DESTROY;

        /** The engine's action name: {@code die}, {@code oom}, {@code destroy}. */
        public String action() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Optional<Type> ofAction(String action) {
            for (Type type : values()) {
                if (type.action().equals(action)) {
                    return Optional.of(type);
                }
            }
            return Optional.empty();
        }
    }

    public ContainerEvent {
        exitCode = exitCode == null ? OptionalInt.empty() : exitCode;
    }
}
