package dev.drove.controller.auth;

import java.security.Principal;

/**
 * Who made an API call, as {@link ApiAuthFilter} established it: a user (HTTP Basic, or everyone as root while user
 * auth is off) or an application / local service instance (its signed token). Resources get it from
 * {@code SecurityContext.getUserPrincipal()}.
 */
public sealed interface Caller extends Principal permits UserCaller, InstanceCaller {

    /** Whether this caller may call a method that allows {@code role} (one of {@link Roles}). */
    boolean isInRole(String role);

    /** How refusals and audit lines name the caller: "user guest (EXTERNAL_READ_ONLY)", "instance AI-1 of APP-1". */
    String describe();
}
