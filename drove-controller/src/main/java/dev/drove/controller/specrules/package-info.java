/**
 * Spec rules: what the controller refuses in a spec beyond the model's own validation, because of how this cluster is
 * configured. One {@link dev.drove.controller.specrules.HostAccessRules} serves the application, task and local
 * service APIs alike.
 *
 * <p>Vocabulary: a <b>mount</b> is a {@code volumes[]} entry, allowed only under an <b>allowed mount directory</b>
 * ({@code options.allowedMountDirs}; none set = anything, with a WARN at start); a <b>device</b> is a
 * {@code devices[]} entry (DIRECT or DETAILED), allowed only with {@code options.enableRawDeviceAccess}.
 *
 * <pre>
 * POST .../operations (CREATE) | .../validate/spec ─▶ ContractReader (model rules) ─▶ HostAccessRules.problems
 *     problems? ─yes─▶ 400 "Command validation failure", validationErrors: ["spec.volumes[0].pathOnHost ..."]
 *               └no──▶ the engine stores and runs it
 * </pre>
 */
package dev.drove.controller.specrules;
