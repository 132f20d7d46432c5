package dev.drove.controller.scheduler;

import java.util.List;

/**
 * The room the scheduler keeps free on each executor for local services (their engine supplies it): apps and tasks
 * are placed only where they leave it, while a local service's own containers may use its room.
 */
@FunctionalInterface
public interface Reservations {
    /** Nothing is reserved anywhere. */
    Reservations NONE = executor -> List.of();

    /** What {@code executor} keeps for local services; empty when it keeps nothing. Called under its book's lock. */
    List<Reservation> on(ExecutorSnapshot executor);
}
