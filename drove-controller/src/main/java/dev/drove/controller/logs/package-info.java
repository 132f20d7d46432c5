/**
 * Instance log files for users (docs: apis/logs.md; contract Appendix A and §3 "Files/logs"): the controller serves
 * {@code /apis/v1/logfiles/{applications|tasks|localservices}/{id}/{instanceId}/list|read|download} from the
 * executor that ran the instance, which keeps them under its {@code drove} appender's {@code logPath}.
 *
 * <p>Vocabulary: a <b>log source</b> ({@link dev.drove.controller.logs.LogSource}) is the executor and the
 * instance's folder there ({@code appId/instanceId}, {@code sourceAppName/taskId}, {@code serviceId/instanceId});
 * a <b>log file name</b> ({@link dev.drove.common.logs.LogFileName}) is one plain {@code output.*} name, checked
 * here and again on the executor; a <b>chunk</b> is {@code {data, offset}}, the offset being where the next read
 * starts (-1 asks for the end: how a tail begins).
 *
 * <pre>
 * GET /apis/v1/logfiles/applications/{appId}/{instanceId}/read/{file}?offset&amp;length
 *   ─▶ LogFileResource: file name and numbers checked (400)
 *   ─▶ LogSources: InstanceStore | TaskStore | LocalServiceInstanceStore → executorId, folder (404 if unknown)
 *   ─▶ ExecutorLogFiles: ExecutorTracker.address(executorId) (503 if gone)
 *   ─▶ GET {executor}/apis/v1/logs/filestream/{first}/{second}/read/{file}, controller's cluster secret
 *   ─▶ {data, offset} (executor's 400/404 relayed with its sentence; no answer 502)
 * </pre>
 */
package dev.drove.controller.logs;
