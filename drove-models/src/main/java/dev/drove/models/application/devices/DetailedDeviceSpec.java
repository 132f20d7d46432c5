package dev.drove.models.application.devices;

import dev.drove.models.validation.CrossChecked;
import dev.drove.models.validation.Problem;
import dev.drove.models.validation.SelfChecking;
import jakarta.validation.constraints.Min;

import java.util.List;
import java.util.Map;

/**
 * A device request to a docker device driver ({@code docker run --gpus}), such as {@code nvidia}.
 *
 * @param count        how many devices; -1 for all. Not together with {@code deviceIds}.
 * @param deviceIds    which devices
 * @param capabilities alternatives of capability sets, such as {@code [["gpu"]]}
 * @param options      driver options
 */
@CrossChecked
public record DetailedDeviceSpec(
        String driver,
        @Min(-1) Integer count,
        List<String> deviceIds,
        List<List<String>> capabilities,
        Map<String, String> options) implements DeviceSpec, SelfChecking {

    public DetailedDeviceSpec {
        deviceIds = deviceIds == null ? List.of() : List.copyOf(deviceIds);
        capabilities = capabilities == null ? List.of() : capabilities.stream().map(List::copyOf).toList();
        options = options == null ? Map.of() : Map.copyOf(options);
    }

    @Override
    public List<Problem> problems() {
        if (count != null && count != 0 && !deviceIds.isEmpty()) {
            return List.of(Problem.at("count", "cannot be given together with deviceIds; use one of them"));
        }
        return List.of();
    }
}
