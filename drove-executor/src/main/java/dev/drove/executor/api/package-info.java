/**
 * The executor's HTTP API. There is no public API (docs: apis/index.md): only the leader controller calls it, with
 * the cluster secret.
 *
 * <pre>
 * controller --POST /apis/v1/messages--> ExecutorMessagesResource --> Instances (start/stop) | ExecutorStatus
 * controller --GET /apis/v1/logs/filestream/{first}/{second}/list|read/{file}|download/{file}-->
 *     LogFilesResource --> InstanceLogFolders ({logPath}/{first}/{second}/output.*)
 * </pre>
 */
package dev.drove.executor.api;
