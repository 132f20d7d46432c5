/**
 * Logs: each instance's container output, filed per instance beside the executor's own log.
 *
 * <p>Vocabulary (docs: cluster/setup/executor-setup.md, "Drove Application Logger Configuration";
 * drove-contract.md §3 "Files/logs"):
 * <ul>
 *     <li><b>Instance log id</b> ({@link dev.drove.executor.logs.InstanceLogId}): the MDC value
 *     {@code instanceLogId} = {@code appId:instanceId}, {@code sourceAppName:taskId} or
 *     {@code serviceId:instanceId}.</li>
 *     <li><b>Drove appender</b> ({@link dev.drove.executor.logs.DroveAppenderFactory}, {@code type: drove}): a
 *     logback sifting appender; one rolling file per instance id, {@code {logPath}/{first}/{second}/output.log},
 *     and {@code {logPath}/drove-executor.log} for lines of no instance.</li>
 *     <li><b>Log follower</b> ({@link dev.drove.executor.logs.ContainerLogFollower}): reads a container's output
 *     from the engine and logs it line by line under the instance's id.</li>
 *     <li><b>Log folders</b> ({@link dev.drove.executor.logs.InstanceLogFolders}): the files the appender wrote, read
 *     back for the log file API; only names that pass {@link dev.drove.common.logs.LogFileName}
 *     ({@code output.*}, one plain name) are opened, and only inside {@code logPath}.</li>
 * </ul>
 *
 * <p>Flow:
 * <pre>
 * container stdout/stderr ─▶ engine (json-file / syslog + cache) ─▶ logContainerCmd(follow)
 *   ─▶ ContainerLogFollower: split lines, MDC instanceLogId=first:second, INFO on dev.drove.executor.logs.output.*
 *   ─▶ logback ─▶ SiftingAppender (type: drove) ─▶ {logPath}/{first}/{second}/output.log (+ output.log-{suffix})
 * container stops ─▶ stream ends ─▶ last line with FINALIZE_SESSION marker ─▶ the file is closed
 * log file API ─▶ InstanceLogFolders: list output.* | read {data, offset} from an offset (-1: the end) | open
 * </pre>
 */
package dev.drove.executor.logs;
