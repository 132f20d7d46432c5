package dev.drove.controller.scheduler;

/** Where one core of an executor stands in the controller's book (contract §3 "Allocation"). */
public enum CoreState {
    /** Nobody holds it. */
    FREE,
    /** Placed by this controller; the executor has not yet reported a container holding it (a soft lock). */
    ALLOCATED,
    /** The executor reports it used. */
    IN_USE
}
