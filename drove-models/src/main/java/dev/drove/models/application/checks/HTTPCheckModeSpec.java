package dev.drove.models.application.checks;

import dev.drove.models.common.HTTPCallSpec;
import dev.drove.models.common.HTTPVerb;
import dev.drove.models.common.Protocol;
import dev.drove.models.validation.CrossChecked;
import dev.drove.models.validation.Problem;
import dev.drove.models.validation.SelfChecking;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * An HTTP call to a named container port; the check passes when the status is one of {@code successCodes}.
 *
 * @param portName          a name from the spec's {@code exposedPorts} (checked by the spec)
 * @param payload           body sent with POST and PUT
 * @param connectionTimeout how long to wait for the connection; 1 second when absent
 * @param insecure          skip certificate and hostname checks for HTTPS
 */
@CrossChecked
public record HTTPCheckModeSpec(
        Protocol protocol,
        @NotEmpty String portName,
        @NotEmpty String path,
        @NotNull HTTPVerb verb,
        @NotEmpty Set<Integer> successCodes,
        String payload,
        @MinDuration(value = 0, message = "must not be negative") Duration connectionTimeout,
        boolean insecure) implements CheckModeSpec, SelfChecking {

    public HTTPCheckModeSpec {
        protocol = protocol == null ? Protocol.HTTP : protocol;
        successCodes = successCodes == null ? null : Collections.unmodifiableSet(new LinkedHashSet<>(successCodes));
        connectionTimeout = connectionTimeout == null ? HTTPCallSpec.DEFAULT_TIMEOUT : connectionTimeout;
    }

    /** A plain {@code GET path} on a port expecting 200, as most services are checked. */
    public static HTTPCheckModeSpec get(String portName, String path) {
        return new HTTPCheckModeSpec(Protocol.HTTP, portName, path, HTTPVerb.GET, Set.of(200), null, null, false);
    }

    @Override
    public CheckMode checkMode() {
        return CheckMode.HTTP;
    }

    @Override
    public List<Problem> problems() {
        return HTTPCallSpec.successCodeProblems("successCodes", successCodes);
    }
}
