package dev.drove.controller.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.drove.controller.auth.UserAuthConfig.PasswordEncoding;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The configured {@code userAuth.users}, checking HTTP Basic credentials against them (docs: cluster/setup/
 * controller.md, "User Authentication Configuration"). With {@code encoding: PLAIN} the configured password is compared
 * as is (in constant time); with {@code CRYPT} it is a bcrypt hash ({@code $2a$}, {@code $2b$} or {@code $2y$}, as
 * {@code htpasswd -nbBC 10} writes them).
 *
 * <p>bcrypt is slow on purpose (about 50-100 ms at cost 10), and a console polls every second, so successful checks
 * are remembered in a Caffeine cache sized by {@code cachingPolicy} (default {@value #DEFAULT_CACHING_POLICY}). Its key
 * is the user name and a salted SHA-256 of the password (the salt is random per process), never the password itself;
 * failures are never cached. An unknown user costs a bcrypt check too, so names cannot be told by timing.
 */
final class UserDirectory {
    static final String DEFAULT_CACHING_POLICY = "maximumSize=500, expireAfterAccess=30m";
    private static final String BASIC = "basic ";

    private final Map<String, UserAuthConfig.User> users = new LinkedHashMap<>();
    private final PasswordEncoding encoding;
    private final Cache<String, UserCaller> verified;
    private final byte[] cacheSalt = new byte[32];
    /** Checked for unknown users under CRYPT, so a wrong name takes as long as a wrong password. */
    private final String decoyHash;
    private final AtomicLong bcryptChecks = new AtomicLong();

    UserDirectory(UserAuthConfig config) {
        this.encoding = config.encoding();
        for (var user : config.users()) {
            if (users.put(user.username(), user) != null) {
                throw new IllegalArgumentException("userAuth.users lists user " + user.username() + " twice");
            }
            if (encoding == PasswordEncoding.CRYPT && !user.password().startsWith("$2")) {
                throw new IllegalArgumentException("userAuth.encoding is CRYPT, but the password of user "
                        + user.username() + " is not a bcrypt hash ($2a$, $2b$ or $2y$)");
            }
        }
        var policy = config.cachingPolicy() == null || config.cachingPolicy().isBlank()
                ? DEFAULT_CACHING_POLICY : config.cachingPolicy();
        this.verified = Caffeine.from(policy).build();
        new SecureRandom().nextBytes(cacheSalt);
        this.decoyHash = encoding == PasswordEncoding.CRYPT
                ? BCrypt.withDefaults().hashToString(10, UUID.randomUUID().toString().toCharArray()) : "";
    }

    /**
     * The user an {@code Authorization: Basic …} header names, if the password is right.
     *
     * @throws AuthenticationFailure the header is absent or malformed, the user is unknown or the password wrong
     *                               (the last two with the same message, so names cannot be probed)
     */
    UserCaller authenticate(String authorization) throws AuthenticationFailure {
        if (authorization == null || authorization.isBlank()) {
            throw new AuthenticationFailure(null, "Credentials are required (HTTP Basic)");
        }
        if (!authorization.toLowerCase(Locale.ROOT).startsWith(BASIC)) {
            throw new AuthenticationFailure(null, "Only HTTP Basic credentials are accepted here");
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(BASIC.length()).trim()),
                    StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new AuthenticationFailure(null, "Malformed HTTP Basic credentials");
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw new AuthenticationFailure(null, "Malformed HTTP Basic credentials");
        }
        return authenticate(decoded.substring(0, colon), decoded.substring(colon + 1));
    }

    UserCaller authenticate(String name, String password) throws AuthenticationFailure {
        var key = name + ":" + digest(password);
        var known = verified.getIfPresent(key);
        if (known != null) {
            return known;
        }
        var user = users.get(name);
        if (!matches(password, user == null ? decoyHash : user.password()) || user == null) {
            throw new AuthenticationFailure(name, "Wrong user name or password");
        }
        var caller = new UserCaller(user.username(), user.role());
        verified.put(key, caller);
        return caller;
    }

    private boolean matches(String given, String configured) {
        if (encoding == PasswordEncoding.PLAIN) {
            return MessageDigest.isEqual(sha256(given.getBytes(StandardCharsets.UTF_8)),
                    sha256(configured.getBytes(StandardCharsets.UTF_8)));
        }
        bcryptChecks.incrementAndGet();
        try {
            return BCrypt.verifyer().verify(given.toCharArray(), configured.toCharArray()).verified;
        } catch (IllegalArgumentException tooLongOrMalformed) {
            return false;
        }
    }

    /** How many bcrypt checks have run: what the cache saves. */
    long bcryptChecks() {
        return bcryptChecks.get();
    }

    private String digest(String password) {
        var sha = sha256();
        sha.update(cacheSalt);
        return HexFormat.of().formatHex(sha.digest(password.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] sha256(byte[] bytes) {
        return sha256().digest(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
