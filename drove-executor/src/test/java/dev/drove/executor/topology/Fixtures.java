package dev.drove.executor.topology;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** The fake sysfs trees under {@code src/test/resources/topology/}. */
final class Fixtures {
    private Fixtures() {
    }

    /** The folder of a fixture, e.g. {@code two-nodes}. */
    static Path fixture(String name) {
        URL url = Fixtures.class.getResource("/topology/" + name);
        if (url == null) {
            throw new IllegalArgumentException("No fixture topology/" + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A reader over a fixture laid out as {@code node/}, {@code cpu/online} and {@code meminfo}. */
    static SysfsTopologyReader reader(String name) {
        Path root = fixture(name);
        return new SysfsTopologyReader(root.resolve("node"), root.resolve("cpu/online"), root.resolve("meminfo"));
    }

    /** Two nodes of 8 hyper-threaded CPUs and 16384 MB each: node 0 has 0-3,8-11, node 1 has 4-7,12-15. */
    static HostTopology twoNodes() {
        return reader("two-nodes").read();
    }
}
