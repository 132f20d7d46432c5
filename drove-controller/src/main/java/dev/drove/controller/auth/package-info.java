/**
 * Who may call the controller's API and console, and what each caller may do (issue 7; docs:
 * cluster/setup/controller.md "User Authentication Configuration", "Instance Authentication Configuration"; contract
 * Appendix A; our docs/security.md).
 *
 * <p>Vocabulary: a {@link dev.drove.controller.auth.Caller} is who made a call: a
 * {@link dev.drove.controller.auth.UserCaller} (one of {@code userAuth.users}, with a
 * {@link dev.drove.controller.auth.UserRole}) or an {@link dev.drove.controller.auth.InstanceCaller} (an application or
 * local service instance with its token). {@link dev.drove.controller.auth.Roles} are the names resources put in
 * {@code @RolesAllowed}; {@code UserCaller.ROLES} says which roles each user role is in. An instance token is an HS512
 * JWT that {@link dev.drove.controller.auth.InstanceTokens} signs when an instance is started and reads back when the
 * instance calls.
 *
 * <pre>
 * request ─▶ @ClusterNodeOnly resource? ─▶ ClusterAuthFilter (drove-common), not here
 *         ─▶ ApiAuthFilter
 *              App-Instance-Authorization ─▶ InstanceAuthenticator ─▶ InstanceCaller
 *                                            (signed with our secret, instance neither STOPPED nor LOST)
 *              userAuth off               ─▶ UserCaller.ROOT_WITHOUT_AUTH
 *              GET, no credentials, disableReadAuth ─▶ UserCaller.ANONYMOUS_READER
 *              Authorization: Basic       ─▶ UserDirectory (PLAIN | bcrypt, successes cached) ─▶ UserCaller
 *              failure ─▶ 401 + WWW-Authenticate: Basic realm="drove"
 *              caller in none of the method's roles, or instance naming another app ─▶ 403 naming why
 *         ─▶ RolesAllowedDynamicFeature (the same annotations, enforced again) ─▶ resource
 * </pre>
 * Starting an instance: {@code InstanceActions} or {@code ServiceInstanceActions} asks {@code InstanceTokens} for the
 * instance's token, which travels as {@code instanceAuthToken} of the start message to the executor, which sets
 * {@code DROVE_APP_INSTANCE_AUTH_TOKEN}. Instances find their peers with
 * {@link dev.drove.controller.auth.SiblingInstancesResource}.
 */
package dev.drove.controller.auth;
