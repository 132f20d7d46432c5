package dev.drove.models.api;

import dev.drove.models.application.PortType;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One exposed application for service discovery, {@code GET /apis/v1/endpoints} (docs: apis/application.md
 * "Application Endpoints"): its virtual host, its spec's tags and where its healthy instances listen.
 */
public record ExposedAppInfo(String appName,
                             String appId,
                             String vhost,
                             Map<String, String> tags,
                             List<ExposedHost> hosts) {
    public ExposedAppInfo {
        tags = tags == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        hosts = hosts == null ? List.of() : List.copyOf(hosts);
    }

    /** Where one instance's exposed port can be reached. */
    public record ExposedHost(String host, int port, PortType portType) {
    }
}
