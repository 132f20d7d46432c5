/**
 * Config files injected into containers. A {@link dev.drove.models.config.ConfigSpec} names the file inside the
 * container ({@code localFilename}) and, by its {@code type}, where the content comes from:
 *
 * <pre>
 * INLINE                 data (base64) in the spec itself
 * EXECUTOR_LOCAL_FILE    filePathOnHost, read by the executor
 * CONTROLLER_HTTP_FETCH  http call made by the controller -> content sent inline to the executor
 * EXECUTOR_HTTP_FETCH    http call made by the executor
 * </pre>
 */
package dev.drove.models.config;
