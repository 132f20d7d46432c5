package dev.drove.controller.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import dev.drove.controller.auth.UserAuthConfig.PasswordEncoding;
import dev.drove.controller.auth.UserAuthConfig.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** HTTP Basic credentials against {@code userAuth.users}, PLAIN and CRYPT (docs: cluster/setup/controller.md). */
class UserDirectoryTest {

    private static UserDirectory plain(User... users) {
        return new UserDirectory(new UserAuthConfig(true, PasswordEncoding.PLAIN, null, List.of(users)));
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aPlainPasswordAuthenticatesItsUserWithTheConfiguredRole() throws Exception {
        var users = plain(new User("admin", "s3cret:with colon", UserRole.EXTERNAL_ROOT));

        var caller = users.authenticate(basic("admin", "s3cret:with colon"));

        assertThat(caller).isEqualTo(new UserCaller("admin", UserRole.EXTERNAL_ROOT));
    }

    @Test
    void aWrongPasswordAndAnUnknownUserAreRefusedWithTheSameSentence() {
        var users = plain(new User("admin", "admin", UserRole.EXTERNAL_ROOT));

        assertThatThrownBy(() -> users.authenticate(basic("admin", "Admin")))
                .isInstanceOf(AuthenticationFailure.class).hasMessage("Wrong user name or password");
        assertThatThrownBy(() -> users.authenticate(basic("nobody", "admin")))
                .isInstanceOf(AuthenticationFailure.class).hasMessage("Wrong user name or password");
    }

    @ParameterizedTest(name = "Authorization: [{0}]")
    @ValueSource(strings = {"", "Bearer abc", "Basic !!!notbase64", "Basic YWRtaW4="})
    void missingOrMalformedCredentialsAreRefused(String header) {
        var users = plain(new User("admin", "admin", UserRole.EXTERNAL_ROOT));

        assertThatThrownBy(() -> users.authenticate(header)).isInstanceOf(AuthenticationFailure.class);
    }

    static Stream<Arguments> bcryptVersions() {
        return Stream.of(Arguments.of("$2a$", BCrypt.Version.VERSION_2A),
                Arguments.of("$2b$", BCrypt.Version.VERSION_2B),
                Arguments.of("$2y$ (htpasswd -B)", BCrypt.Version.VERSION_2Y));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bcryptVersions")
    void aBcryptHashOfEveryCommonVersionAuthenticates(String prefix, BCrypt.Version version) throws Exception {
        var hash = BCrypt.with(version).hashToString(4, "guest-password".toCharArray());
        assertThat(hash).startsWith(prefix.substring(0, 4));
        var users = new UserDirectory(new UserAuthConfig(true, PasswordEncoding.CRYPT, null,
                List.of(new User("guest", hash, UserRole.EXTERNAL_READ_ONLY))));

        assertThat(users.authenticate("guest", "guest-password").role()).isEqualTo(UserRole.EXTERNAL_READ_ONLY);
        assertThatThrownBy(() -> users.authenticate("guest", "guest-passwort"))
                .isInstanceOf(AuthenticationFailure.class);
    }

    @Test
    void aSuccessfulBcryptCheckIsCachedButAFailureIsNot() throws Exception {
        var hash = BCrypt.withDefaults().hashToString(4, "admin".toCharArray());
        var users = new UserDirectory(new UserAuthConfig(true, PasswordEncoding.CRYPT, "maximumSize=10", List.of(
                new User("admin", hash, UserRole.EXTERNAL_READ_WRITE))));
        long atStart = users.bcryptChecks();

        users.authenticate("admin", "admin");
        users.authenticate("admin", "admin");
        users.authenticate("admin", "admin");
        assertThat(users.bcryptChecks() - atStart).isEqualTo(1);

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> users.authenticate("admin", "wrong")).isInstanceOf(AuthenticationFailure.class);
        }
        assertThat(users.bcryptChecks() - atStart).isEqualTo(3);
    }

    @Test
    void anUnknownUserCostsABcryptCheckLikeAWrongPassword() {
        var users = new UserDirectory(new UserAuthConfig(true, PasswordEncoding.CRYPT, null, List.of(
                new User("admin", BCrypt.withDefaults().hashToString(4, "admin".toCharArray()), null))));
        long atStart = users.bcryptChecks();

        assertThatThrownBy(() -> users.authenticate("nobody", "admin")).isInstanceOf(AuthenticationFailure.class);

        assertThat(users.bcryptChecks() - atStart).isEqualTo(1);
    }

    @Test
    void aPasswordLongerThanBcryptTakesIsRefusedNotAnError() {
        var users = new UserDirectory(new UserAuthConfig(true, PasswordEncoding.CRYPT, null, List.of(
                new User("admin", BCrypt.withDefaults().hashToString(4, "admin".toCharArray()), null))));

        assertThatThrownBy(() -> users.authenticate("admin", "x".repeat(200)))
                .isInstanceOf(AuthenticationFailure.class);
    }

    @Test
    void aCryptConfigWithAPlainPasswordOrAUserListedTwiceDoesNotStart() {
        assertThatThrownBy(() -> new UserDirectory(new UserAuthConfig(true, PasswordEncoding.CRYPT, null,
                List.of(new User("admin", "admin", null)))))
                .hasMessageContaining("password of user admin is not a bcrypt hash");
        assertThatThrownBy(() -> plain(new User("admin", "a", null), new User("admin", "b", null)))
                .hasMessageContaining("lists user admin twice");
    }
}
