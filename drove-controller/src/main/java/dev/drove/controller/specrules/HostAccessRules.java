package dev.drove.controller.specrules;

import dev.drove.models.application.ContainerSpec;
import dev.drove.models.application.devices.DetailedDeviceSpec;
import dev.drove.models.application.devices.DeviceSpec;
import dev.drove.models.application.devices.DirectDeviceSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * What a spec may take from the executor hosts beyond cores and memory: host directories ({@code volumes}, only under
 * {@code options.allowedMountDirs} when that is set) and devices ({@code devices}, only when
 * {@code options.enableRawDeviceAccess} is on); and, though it takes nothing from the host, command line arguments
 * ({@code args}, refused when {@code options.disableCmdlArgs} is set). The one check that application, task and local service CREATE
 * operations and spec validations all run before anything is stored; each problem names the field path, so the
 * caller answers them in the 400 validation envelope.
 */
public final class HostAccessRules {
    /** The rules of a controller without these options: any directory, no devices. */
    public static final HostAccessRules DEFAULTS = new HostAccessRules(List.of(), false);

    private final MountDirectories mountDirectories;
    private final boolean rawDeviceAccess;
    private final boolean commandLineArgs;

    /** Rules that let specs pass command line arguments. */
    public HostAccessRules(List<String> allowedMountDirs, boolean rawDeviceAccess) {
        this(allowedMountDirs, rawDeviceAccess, true);
    }

    /**
     * @param allowedMountDirs absolute host directories specs may mount from; empty for any
     * @param rawDeviceAccess  whether specs may ask for devices
     * @param commandLineArgs  whether specs may pass {@code args} (false: {@code options.disableCmdlArgs})
     * @throws IllegalArgumentException when an allowed directory is not an absolute path
     */
    public HostAccessRules(List<String> allowedMountDirs, boolean rawDeviceAccess, boolean commandLineArgs) {
        this.mountDirectories = new MountDirectories(List.copyOf(allowedMountDirs));
        this.rawDeviceAccess = rawDeviceAccess;
        this.commandLineArgs = commandLineArgs;
    }

    /** Whether any directory may be mounted (no {@code allowedMountDirs}). */
    public boolean mountsAnything() {
        return !mountDirectories.isRestricted();
    }

    /**
     * Every way {@code spec} oversteps these rules, one sentence each, starting with its field path below
     * {@code prefix} (such as {@code "spec."}, or {@code ""} for a bare spec); empty when it does not.
     */
    public List<String> problems(String prefix, ContainerSpec spec) {
        var problems = new ArrayList<String>();
        var volumes = spec.volumes();
        for (int i = 0; i < volumes.size(); i++) {
            var field = "%svolumes[%d].pathOnHost ".formatted(prefix, i);
            mountDirectories.refusal(volumes.get(i).pathOnHost()).ifPresent(why -> problems.add(field + why));
        }
        if (!rawDeviceAccess) {
            var devices = spec.devices();
            for (int i = 0; i < devices.size(); i++) {
                problems.add(("%sdevices[%d] %s is refused: raw device access is disabled on this cluster "
                        + "(controller option options.enableRawDeviceAccess)")
                        .formatted(prefix, i, describe(devices.get(i))));
            }
        }
        if (!commandLineArgs && !spec.args().isEmpty()) {
            problems.add(("%sargs are refused: command line arguments are disabled on this cluster "
                    + "(controller option options.disableCmdlArgs)").formatted(prefix));
        }
        return problems;
    }

    /** A device as the operator recognises it in the spec. */
    static String describe(DeviceSpec device) {
        if (device instanceof DirectDeviceSpec direct) {
            return "(DIRECT " + direct.pathOnHost() + ")";
        }
        if (device instanceof DetailedDeviceSpec detailed) {
            return "(DETAILED " + (detailed.driver() == null ? "default driver" : detailed.driver()) + ")";
        }
        throw new IllegalArgumentException("No description for device spec " + device);
    }
}
