package dev.drove.controller.auth;

/**
 * The {@code instanceAuth:} section: the secret that signs the token every instance receives as
 * {@code DROVE_APP_INSTANCE_AUTH_TOKEN}. Absent: a random secret per controller start (tokens then stop working
 * after a leader change; set it in production).
 */
public record InstanceAuthConfig(String secret) {
    public static final InstanceAuthConfig DEFAULTS = new InstanceAuthConfig(null);

    @Override
    public String toString() {
        return "InstanceAuthConfig[secret=" + (secret == null ? "random" : "***") + "]";
    }
}
