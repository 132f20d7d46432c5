package dev.drove.controller.console;

import dev.drove.controller.auth.Roles;
import dev.drove.controller.auth.UserRole;
import jakarta.ws.rs.core.SecurityContext;

/**
 * Who the console is used by and what it may offer them, {@code GET /apis/v1/ui/session}.
 *
 * @param user        the logged-in user's name; {@value #ANONYMOUS} when user auth is off or nobody logged in
 * @param role        the user's role as the config names it; absent for a user without a role
 * @param canWrite    may submit and cancel operations: scale, suspend, restart, destroy, kill tasks
 * @param canMaintain may blacklist executors and set maintenance mode
 * @param canReadLogs may tail and download log files
 * @param authEnabled whether the controller asks for credentials at all (false: everyone is root)
 */
public record ConsoleSession(String user, UserRole role, boolean canWrite, boolean canMaintain, boolean canReadLogs,
                             boolean authEnabled) {
    static final String ANONYMOUS = "anonymous";

    /** The session of everyone when user auth is off: root, as in the original. */
    static ConsoleSession root() {
        return new ConsoleSession(ANONYMOUS, UserRole.EXTERNAL_ROOT, true, true, true, false);
    }

    /**
     * The session of an authenticated caller, from the roles its security context grants ({@link Roles}). A caller
     * without a principal (no auth filter ran) may do nothing: the console then shows data only.
     */
    static ConsoleSession of(SecurityContext security) {
        var principal = security == null ? null : security.getUserPrincipal();
        if (principal == null) {
            return new ConsoleSession(ANONYMOUS, null, false, false, false, true);
        }
        return new ConsoleSession(principal.getName(), roleOf(security), security.isUserInRole(Roles.READ_WRITE),
                security.isUserInRole(Roles.MAINTENANCE), security.isUserInRole(Roles.LOG_READER), true);
    }

    /** The strongest role the context grants; read-only users are told apart from role-less ones by the logs. */
    private static UserRole roleOf(SecurityContext security) {
        if (security.isUserInRole(Roles.ROOT)) {
            return UserRole.EXTERNAL_ROOT;
        }
        if (security.isUserInRole(Roles.MAINTENANCE)) {
            return UserRole.DROVE_EXTERNAL_MAINTENANCE;
        }
        if (security.isUserInRole(Roles.READ_WRITE)) {
            return UserRole.EXTERNAL_READ_WRITE;
        }
        return security.isUserInRole(Roles.LOG_READER) ? UserRole.EXTERNAL_READ_ONLY : null;
    }
}
