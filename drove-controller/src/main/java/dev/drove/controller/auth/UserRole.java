package dev.drove.controller.auth;

import com.fasterxml.jackson.annotation.JsonAlias;

/**
 * What a user may do (docs: cluster/setup/controller.md "User Authentication Configuration"; contract Appendix A).
 * A user without a role may look at the console and read APIs but not the logs.
 */
public enum UserRole {
    @JsonAlias("DROVE_EXTERNAL_READ_ONLY")
    EXTERNAL_READ_ONLY,
    @JsonAlias("DROVE_EXTERNAL_READ_WRITE")
    EXTERNAL_READ_WRITE,
    /** Maintenance mode and blacklisting (read-write users may not do these). */
    @JsonAlias("EXTERNAL_MAINTENANCE")
    DROVE_EXTERNAL_MAINTENANCE,
    /** Everything. */
    @JsonAlias("DROVE_EXTERNAL_ROOT")
    EXTERNAL_ROOT
}
