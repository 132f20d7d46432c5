package dev.drove.controller.console;

import dev.drove.common.errors.ApiExceptionMappers;
import dev.drove.controller.auth.Roles;
import dev.drove.controller.auth.UserAuthConfig;
import dev.drove.controller.auth.UserRole;
import dev.drove.models.json.Json;
import io.dropwizard.core.Application;
import io.dropwizard.core.Configuration;
import io.dropwizard.core.setup.Environment;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.SecurityContext;

import java.security.Principal;
import java.util.Map;
import java.util.Set;

/**
 * The console as the controller registers it, in a bare Dropwizard server. A stand-in for the user auth filter logs
 * the caller in from a {@value #TEST_USER} header ({@code name:ROLE}, or {@code name:} for a user without a role),
 * granting roles as the contract's table does; without the header no security context is set.
 */
public abstract class ConsoleServer extends Application<Configuration> {
    static final String TEST_USER = "X-Test-User";

    private static final Map<UserRole, Set<String>> GRANTS = Map.of(
            UserRole.EXTERNAL_READ_ONLY, Set.of(Roles.LOG_READER),
            UserRole.EXTERNAL_READ_WRITE, Set.of(Roles.LOG_READER, Roles.READ_WRITE),
            UserRole.DROVE_EXTERNAL_MAINTENANCE, Set.of(Roles.MAINTENANCE),
            UserRole.EXTERNAL_ROOT, Set.of(Roles.LOG_READER, Roles.READ_WRITE, Roles.MAINTENANCE, Roles.ROOT));

    private final boolean authEnabled;

    ConsoleServer(boolean authEnabled) {
        this.authEnabled = authEnabled;
    }

    /** The console with {@code userAuth.enabled: true}. */
    public static final class WithUserAuth extends ConsoleServer {
        public WithUserAuth() {
            super(true);
        }
    }

    /** The console without user auth: everyone is root. */
    public static final class WithoutUserAuth extends ConsoleServer {
        public WithoutUserAuth() {
            super(false);
        }
    }

    @Override
    public void run(Configuration configuration, Environment environment) {
        Json.configure(environment.getObjectMapper());
        ApiExceptionMappers.install(configuration.getServerFactory(), environment);
        environment.jersey().register(new TestLogin());
        var userAuth = new UserAuthConfig(authEnabled, null, null, null);
        new Console(userAuth).registerWith(environment.jersey());
    }

    @Priority(Priorities.AUTHENTICATION)
    static final class TestLogin implements ContainerRequestFilter {
        @Override
        public void filter(ContainerRequestContext request) {
            var header = request.getHeaderString(TEST_USER);
            if (header == null) {
                return;
            }
            var name = header.substring(0, header.indexOf(':'));
            var roleName = header.substring(header.indexOf(':') + 1);
            var grants = roleName.isEmpty() ? Set.<String>of() : GRANTS.get(UserRole.valueOf(roleName));
            request.setSecurityContext(new SecurityContext() {
                @Override
                public Principal getUserPrincipal() {
                    return () -> name;
                }

                @Override
                public boolean isUserInRole(String role) {
                    return grants.contains(role);
                }

                @Override
                public boolean isSecure() {
                    return false;
                }

                @Override
                public String getAuthenticationScheme() {
                    return BASIC_AUTH;
                }
            });
        }
    }
}
