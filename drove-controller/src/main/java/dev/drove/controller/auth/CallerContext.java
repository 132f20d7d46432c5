package dev.drove.controller.auth;

import jakarta.ws.rs.core.SecurityContext;

/**
 * The security context of an authenticated API call: {@code isUserInRole} answers from the caller's role table
 * ({@link Caller#isInRole}), which is what {@code RolesAllowedDynamicFeature} and the console's session consult.
 *
 * @param scheme {@code BASIC} for users with credentials, {@code INSTANCE_TOKEN} for instances, null when the caller
 *               sent nothing (user auth off, or a read under {@code disableReadAuth})
 */
record CallerContext(Caller caller, boolean isSecure, String scheme) implements SecurityContext {
    static final String INSTANCE_TOKEN = "INSTANCE_TOKEN";

    @Override
    public Caller getUserPrincipal() {
        return caller;
    }

    @Override
    public boolean isUserInRole(String role) {
        return caller.isInRole(role);
    }

    @Override
    public String getAuthenticationScheme() {
        return scheme;
    }
}
