/**
 * Local services: containers that run {@code instancesPerHost} times on every eligible executor, including executors
 * that join later (contract §2.6–2.9; CLI docs localservices.md, lsinstances.md).
 *
 * <p>Vocabulary: a service's <b>activation</b> (ACTIVE, CONFIG_TESTING, INACTIVE) is stored and says what should
 * run; its <b>state</b> is the activation's resting state, or the working state of the one operation running on it
 * (kept in memory: a new leader converges from the stored activation). An <b>eligible</b> executor is ACTIVE, not
 * blacklisted and untagged. <b>Converging</b> brings a service's instances to what its activation asks for. The
 * <b>reservation</b> is the room (instancesPerHost × cores and memory) an ACTIVE or CONFIG_TESTING service holds on
 * every eligible executor; the scheduler keeps it free of apps and tasks.
 *
 * <pre>
 * REST ─▶ ContractReader (400) ─▶ LocalServiceEngine.submit ─refusals 404/409/400─▶ claim the service
 *   CREATE: stored INACTIVE at once
 *   others: term thread ─▶ ServiceRunner ─▶ store activation ─▶ converge
 * start one: Scheduler.place(LOCAL, on {executor}) ─▶ PENDING stored ─▶ START_LOCAL_SERVICE_INSTANCE
 *   ─▶ reports via ReportIntake ─▶ ServiceInstanceStates.await(HEALTHY | failure | timeout)
 * every appMonitorInterval ─▶ ServiceMonitor.repair
 *   ACTIVE, count off on an eligible executor ─▶ ADJUST_INSTANCES; INACTIVE but running ─▶ DEACTIVATE
 * executor given up after its grace ─▶ its service instances LOST ─▶ the monitor starts new ones
 * Scheduler.place(app or task) ─▶ ReservationFilter ─▶ ServiceReservations.on(executor) ─▶ room left?
 * </pre>
 */
package dev.drove.controller.localservices;
