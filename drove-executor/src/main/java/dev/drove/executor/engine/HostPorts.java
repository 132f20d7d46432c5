package dev.drove.executor.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * Free host ports for published container ports (drove-contract.md §3): the kernel picks an ephemeral port for a
 * {@code ServerSocket(0)} on all interfaces, which is closed again and handed to the engine to bind. Another process
 * could take the port in between; the engine then refuses to start the container and the instance fails cleanly.
 */
public final class HostPorts {

    private HostPorts() {
    }

    /**
     * {@code count} distinct free ports. All sockets stay open until every port is chosen, so the kernel cannot hand
     * out the same port twice.
     *
     * @throws UncheckedIOException if the kernel has no free port
     */
    public static List<Integer> allocate(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("Cannot allocate " + count + " ports");
        }
        List<ServerSocket> sockets = new ArrayList<>(count);
        try {
            List<Integer> ports = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0);
                sockets.add(socket);
                ports.add(socket.getLocalPort());
            }
            return List.copyOf(ports);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not find " + count + " free host ports", e);
        } finally {
            sockets.forEach(HostPorts::closeQuietly);
        }
    }

    private static void closeQuietly(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // The port is free again either way once the process exits; nothing else to do.
        }
    }
}
