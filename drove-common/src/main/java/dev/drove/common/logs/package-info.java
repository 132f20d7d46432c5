/**
 * Instance log files as both services see them: the {@link dev.drove.common.logs.LogFileName} rule that decides
 * which names the log file API may serve, applied by the controller before it asks an executor and by the executor
 * before it opens a file.
 */
package dev.drove.common.logs;
