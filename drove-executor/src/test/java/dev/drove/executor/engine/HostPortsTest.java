package dev.drove.executor.engine;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HostPortsTest {

    @Test
    void allocatedPortsAreDistinctAndFreeToBind() throws IOException {
        List<Integer> ports = HostPorts.allocate(5);
        assertThat(ports).hasSize(5).doesNotHaveDuplicates().allMatch(port -> port > 0 && port < 65536);
        for (int port : ports) {
            try (ServerSocket socket = new ServerSocket(port)) {
                assertThat(socket.getLocalPort()).isEqualTo(port);
            }
        }
    }

    @Test
    void noPortsForNoExposedPorts() {
        assertThat(HostPorts.allocate(0)).isEmpty();
    }
}
