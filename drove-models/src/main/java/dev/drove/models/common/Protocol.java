package dev.drove.models.common;

/** The scheme of an HTTP call made by Drove (config fetches, HTTP checks). */
public enum Protocol {
    HTTP(80),
    HTTPS(443);

    private final int defaultPort;

    Protocol(int defaultPort) {
        this.defaultPort = defaultPort;
    }

    /** The port used when a call spec names none: 80 for HTTP, 443 for HTTPS (docs: snippets/common_configs.md). */
    public int defaultPort() {
        return defaultPort;
    }
}
