/**
 * The controller's public REST API under {@code /apis/v1} (docs: apis/*.md; drove-contract.md Appendix A): reads of
 * applications, instances, executors and the cluster, submission and cancellation of application operations, spec
 * validation, the RULE_BASED dry-run, the gateway's endpoints and the leader ping. Every answer is an
 * {@link dev.drove.models.api.ApiResponse} envelope; errors are answered by the shared
 * {@link dev.drove.common.errors.ApiExceptionMappers} (400 with {@code validationErrors} for bad input, 404 with a
 * sentence for unknown ids).
 *
 * <p>Vocabulary: a <b>resource</b> serves one URL family ({@code ApplicationResource} {@code /applications},
 * {@code ClusterResource} {@code /cluster}, {@code EndpointsResource} {@code /endpoints}, {@code PingResource}
 * {@code /ping}, {@code DeprecatedOperationResource} the old {@code /operations} aliases);
 * {@link dev.drove.controller.api.ApplicationOperations} is what the API needs of the application engine;
 * <b>forwarding</b> is how a follower answers: it relays the call to the leader instead of refusing it; the
 * <b>OpenAPI document</b> ({@link dev.drove.controller.api.OpenApiDocument}, {@code /apis/openapi.json}) describes
 * this API from the hand-written {@code openapi.yaml} and schemas generated from the model types
 * ({@link dev.drove.controller.api.ModelSchemas}); it is served by a servlet beside Jersey, to anyone, by every
 * controller.
 *
 * <pre>
 * request ─▶ LeaderForwardingFilter (pre-matching)
 *   this controller leads, or path is /apis/v1/ping ─▶ resource ─▶ stores / engine ─▶ ApiResponse
 *   follower ─▶ leader from /controller/* {leader:true} ─▶ same call + X-Drove-Forwarded-By ─▶ answer relayed
 *   follower, call already forwarded, or no leader known/answering ─▶ 503 {FAILED, "No leader controller …"}
 * POST /applications/operations: raw body ─▶ ContractReader (every error, 400) ─▶ engine.submit ─▶ {appId}
 * </pre>
 */
package dev.drove.controller.api;
