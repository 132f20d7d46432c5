/**
 * Pieces shared by several specs: an {@link dev.drove.models.common.HTTPCallSpec HTTP call} to a system outside the
 * cluster, its {@link dev.drove.models.common.Protocol protocol} and {@link dev.drove.models.common.HTTPVerb verb}.
 *
 * <pre>
 * ConfigSpec CONTROLLER_HTTP_FETCH | EXECUTOR_HTTP_FETCH
 *   --http--> HTTPCallSpec{protocol, hostname, port, path, verb, successCodes, ...}
 * </pre>
 */
package dev.drove.models.common;
