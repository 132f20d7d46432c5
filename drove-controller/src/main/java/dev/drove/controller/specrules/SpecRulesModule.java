package dev.drove.controller.specrules;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * The {@link HostAccessRules} from the controller options, shared by the application, task and local service APIs.
 * Warns once at start when {@code allowedMountDirs} is not set, as the docs urge setting it.
 */
public final class SpecRulesModule extends AbstractModule {
    private static final Logger log = LoggerFactory.getLogger(SpecRulesModule.class);

    private final List<String> allowedMountDirs;
    private final boolean enableRawDeviceAccess;
    private final boolean disableCmdlArgs;

    public SpecRulesModule(List<String> allowedMountDirs, boolean enableRawDeviceAccess, boolean disableCmdlArgs) {
        this.allowedMountDirs = List.copyOf(allowedMountDirs);
        this.enableRawDeviceAccess = enableRawDeviceAccess;
        this.disableCmdlArgs = disableCmdlArgs;
    }

    @Provides
    @Singleton
    HostAccessRules hostAccessRules() {
        var rules = new HostAccessRules(allowedMountDirs, enableRawDeviceAccess, !disableCmdlArgs);
        if (rules.mountsAnything()) {
            log.warn("options.allowedMountDirs is not set: applications, tasks and local services may mount any "
                    + "directory of the executor hosts; set it to a scratch directory (docs: cluster/setup/"
                    + "controller.md)");
        } else {
            log.info("Specs may mount host directories only under {}", allowedMountDirs);
        }
        log.info("Raw device access for specs is {}; command line arguments are {}",
                enableRawDeviceAccess ? "enabled" : "disabled", disableCmdlArgs ? "disabled" : "allowed");
        return rules;
    }
}
