package dev.drove.controller.auth;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A user of the API and console: one of the configured {@code userAuth.users}, or a stand-in when no credentials
 * are needed ({@link #ROOT_WITHOUT_AUTH}, {@link #ANONYMOUS_READER}).
 *
 * @param name the user name
 * @param role the configured role; null for a user without one (console and reads, but no logs)
 */
public record UserCaller(String name, UserRole role) implements Caller {
    /** Everyone while user auth is off or absent: root, as in the original. */
    public static final UserCaller ROOT_WITHOUT_AUTH = new UserCaller("anonymous", UserRole.EXTERNAL_ROOT);
    /** A GET without credentials under {@code options.disableReadAuth}: reads everything, logs included. */
    public static final UserCaller ANONYMOUS_READER = new UserCaller("anonymous", UserRole.EXTERNAL_READ_ONLY);

    /** What each user role is in (contract Appendix A: RW, MNT, LOG, ANY). The role-less user is only in ANY. */
    static final Map<UserRole, Set<String>> ROLES = roles();

    private static Map<UserRole, Set<String>> roles() {
        var roles = new EnumMap<UserRole, Set<String>>(UserRole.class);
        roles.put(UserRole.EXTERNAL_READ_ONLY, Set.of(Roles.ANY_USER, Roles.LOG_READER));
        roles.put(UserRole.EXTERNAL_READ_WRITE, Set.of(Roles.ANY_USER, Roles.LOG_READER, Roles.READ_WRITE));
        roles.put(UserRole.DROVE_EXTERNAL_MAINTENANCE, Set.of(Roles.ANY_USER, Roles.MAINTENANCE));
        roles.put(UserRole.EXTERNAL_ROOT, Set.of(Roles.ANY_USER, Roles.LOG_READER, Roles.READ_WRITE,
                Roles.MAINTENANCE, Roles.ROOT));
        if (roles.size() != UserRole.values().length) {
            throw new IllegalStateException("Every UserRole needs a row in UserCaller.ROLES");
        }
        return Map.copyOf(roles);
    }

    /** The configured roles (UserRole names, weakest first) that are in at least one of {@code roles}. */
    static List<String> rolesGranting(Collection<String> roles) {
        return Arrays.stream(UserRole.values())
                .filter(role -> roles.stream().anyMatch(ROLES.get(role)::contains))
                .map(UserRole::name)
                .toList();
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public boolean isInRole(String wanted) {
        return role == null ? Roles.ANY_USER.equals(wanted) : ROLES.get(role).contains(wanted);
    }

    @Override
    public String describe() {
        return "user " + name + " (" + (role == null ? "no role" : role.name()) + ")";
    }
}
