package dev.drove.models.application.devices;

import jakarta.validation.constraints.NotBlank;

/**
 * A device node mapped into the container ({@code docker run --device}).
 *
 * @param pathInContainer where it appears; the host path when absent
 * @param permissions     cgroup permissions; {@code ALL} (read, write, mknod) when absent, as docker does
 */
public record DirectDeviceSpec(@NotBlank String pathOnHost, String pathInContainer, Permissions permissions)
        implements DeviceSpec {

    /** The cgroup permissions of a device: r, w, m and their combinations. */
    public enum Permissions {
        READ_ONLY("r"),
        WRITE_ONLY("w"),
        MKNOD_ONLY("m"),
        READ_WRITE("rw"),
        ALL("rwm");

        private final String cgroup;

        Permissions(String cgroup) {
            this.cgroup = cgroup;
        }

        /** The permission letters docker expects. */
        public String cgroup() {
            return cgroup;
        }
    }

    public DirectDeviceSpec {
        pathInContainer = pathInContainer == null || pathInContainer.isBlank() ? pathOnHost : pathInContainer;
        permissions = permissions == null ? Permissions.ALL : permissions;
    }
}
