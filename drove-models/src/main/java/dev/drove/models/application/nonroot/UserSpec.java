package dev.drove.models.application.nonroot;

import jakarta.validation.constraints.NotBlank;

/**
 * The user (and optionally group) a container's process runs as, by name or numeric id ({@code docker run --user}).
 */
public record UserSpec(@NotBlank String user, String group) {

    /** The value of docker's {@code --user}: {@code user} or {@code user:group}. */
    public String dockerUser() {
        return group == null || group.isBlank() ? user : user + ":" + group;
    }
}
