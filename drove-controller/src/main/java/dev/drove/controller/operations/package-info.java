/**
 * Operations: the life of applications on the leader (docs: applications/index.md, operations.md, outage.md).
 *
 * <p>Vocabulary: an <b>operation</b> is one ApplicationOperation being carried out; only one runs per application
 * (others get 409 "busy"). <b>Expected</b> instances are what the application should run; <b>live</b> instances are
 * healthy or on their way there ({@link dev.drove.controller.operations.AppInstances}). A <b>term</b> is one stretch
 * of leadership: its threads run operations and the <b>app monitor</b>, and end with it. A <b>repair</b> is what the
 * monitor decides for an application that runs no operation ({@link dev.drove.controller.operations.Repair}).
 *
 * <pre>
 * REST ─▶ ApplicationEngine.submit ─refusals: ApiException 404/409/400─▶ claim the app ─▶ store op in flight
 *        └─▶ term thread: OperationRunner ─▶ AppRecords.moveTo (state table, stored, listeners)
 *                                       └─▶ InstanceActions: Scheduler.place ─▶ PENDING stored ─▶ START_INSTANCE
 *                                           ─▶ InstanceStates.await(HEALTHY | failure | timeout) ─▶ commit | stop+free
 *        ─▶ finish: RUNNING | MONITORING, no op in flight
 * leadership acquired ─▶ executors read once ─▶ Repair for every app (resume ops in flight) ─▶ every appMonitorInterval
 * leadership lost ─▶ term threads stopped; nothing more written; the next leader resumes from the store
 * </pre>
 */
package dev.drove.controller.operations;
