package dev.drove.controller.auth;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import java.util.List;

/**
 * The {@code userAuth:} section: HTTP basic auth for the API and console. Absent section: auth is off and every
 * caller is root, as in the original.
 *
 * @param enabled       whether calls must authenticate
 * @param encoding      how passwords are written in this file: PLAIN or CRYPT (bcrypt)
 * @param cachingPolicy a Caffeine spec sizing the cache of successful logins (bcrypt is slow); absent: Drove's
 *                      {@code maximumSize=500, expireAfterAccess=30m}
 * @param users         who may log in
 */
public record UserAuthConfig(boolean enabled, PasswordEncoding encoding, String cachingPolicy,
                             List<@Valid User> users) {
    public static final UserAuthConfig DISABLED = new UserAuthConfig(false, PasswordEncoding.PLAIN, null, List.of());

    public UserAuthConfig {
        encoding = encoding == null ? PasswordEncoding.PLAIN : encoding;
        users = users == null ? List.of() : List.copyOf(users);
    }

    public enum PasswordEncoding {
        PLAIN,
        CRYPT
    }

    /** One user; {@code role} may be absent (see {@link UserRole}). */
    public record User(@NotBlank String username, @NotBlank String password, UserRole role) {
        @Override
        public String toString() {
            return "User[" + username + ", " + role + "]";
        }
    }
}
