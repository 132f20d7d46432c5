/**
 * The application state machine, copied from the docs' diagram (docs: applications/index.md, "Application State
 * Machine", images/app-state-machine.png).
 *
 * <p>Vocabulary: <b>stable</b> states (MONITORING: no instances wanted; RUNNING: a non-zero count wanted) are where an
 * application rests; <b>working</b> states (SCALING_REQUESTED, STOP_INSTANCES_REQUESTED, REPLACE_INSTANCES_REQUESTED,
 * DESTROY_REQUESTED) last while one operation runs; OUTAGE_DETECTED is set by the monitor before it repairs;
 * DESTROYED and FAILED end an application's life. {@link dev.drove.controller.statemachine.app.ApplicationOperationRules}
 * says which operation is accepted in which state and which working state it moves the application into.
 *
 * <pre>
 * CREATE ─▶ INIT ─▶ MONITORING ─START/SCALE/SUSPEND─▶ SCALING_REQUESTED ─▶ RUNNING | MONITORING
 * RUNNING ─STOP_INSTANCES─▶ STOP_INSTANCES_REQUESTED ─▶ RUNNING | MONITORING
 * RUNNING ─REPLACE_INSTANCES─▶ REPLACE_INSTANCES_REQUESTED ─▶ RUNNING
 * RUNNING ─monitor: instances missing─▶ OUTAGE_DETECTED ─▶ SCALING_REQUESTED ─▶ RUNNING
 * MONITORING ─DESTROY─▶ DESTROY_REQUESTED ─▶ DESTROYED (app data deleted)
 * </pre>
 */
package dev.drove.controller.statemachine.app;
