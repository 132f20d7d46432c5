package dev.drove.common.testkit;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryNTimes;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.TimeUnit;

/**
 * A real ZooKeeper for a test class: a Curator {@link TestingServer} on a random port, started before the class
 * (the class fails if it cannot start) and closed after it; nested classes share it.
 *
 * <p>Resolves parameters of type {@link TestingServer} (stop and {@code restart()} it to test session loss; it keeps
 * its data) and {@link CuratorFramework}: a started, connected client of its own for each test method (closed after
 * the method; one asked for in a class-level method lives until the class ends). Isolation is by clean-up, not by
 * namespace, so code under test sees real absolute paths: after each test the whole tree except
 * {@code /zookeeper} is deleted, and a server the test left stopped is restarted. For more clients (a second
 * controller), build them from {@link TestingServer#getConnectString()}, or from {@link #connectString()} when the
 * extension is a {@code @RegisterExtension} field.
 */
public final class ZookeeperExtension implements BeforeAllCallback, AfterAllCallback, AfterEachCallback,
        ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(ZookeeperExtension.class);
    private static final String FIXTURE = "zookeeper";
    private static final String CLIENT = "client";
    private static final int CONNECT_SECONDS = 10;

    private volatile Zookeeper zookeeper;

    static {
        QuietLogging.apply();
    }

    /** The server's connection string ({@code 127.0.0.1:port}); valid between beforeAll and afterAll. */
    public String connectString() {
        return server().getConnectString();
    }

    /** The server of the running class; valid between beforeAll and afterAll. */
    public TestingServer server() {
        Zookeeper current = zookeeper;
        if (current == null) {
            throw new IllegalStateException("The ZooKeeper test server runs only while a test class runs");
        }
        return current.server();
    }

    /**
     * A new started client of the test server, connected or failing within 10 s. The caller closes it. Retries an
     * operation for up to about 5 s while the server is away.
     */
    public static CuratorFramework newClient(String connectString) {
        CuratorFramework client = CuratorFrameworkFactory.builder()
                .connectString(connectString)
                .sessionTimeoutMs(15_000)
                .connectionTimeoutMs(5_000)
                .retryPolicy(new RetryNTimes(50, 100))
                .build();
        client.start();
        try {
            if (!client.blockUntilConnected(CONNECT_SECONDS, TimeUnit.SECONDS)) {
                client.close();
                throw new IllegalStateException("No connection to the ZooKeeper test server at " + connectString
                        + " within " + CONNECT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            client.close();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while connecting to " + connectString, e);
        }
        return client;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        zookeeper = context.getStore(NAMESPACE)
                .getOrComputeIfAbsent(FIXTURE, key -> Zookeeper.start(), Zookeeper.class);
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        Zookeeper current = context.getStore(NAMESPACE).get(FIXTURE, Zookeeper.class);
        if (current != null) {
            current.ensureRunning(); // first, so the test's client closes its session instead of waiting for it
        }
        closeClient(context);
        if (current != null) {
            current.wipe();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        closeClient(context);
        Zookeeper own = context.getStore(NAMESPACE).remove(FIXTURE, Zookeeper.class);
        if (own != null) {
            zookeeper = null;
            own.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == TestingServer.class || type == CuratorFramework.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Zookeeper current = context.getStore(NAMESPACE).get(FIXTURE, Zookeeper.class);
        if (current == null) {
            throw new IllegalStateException(
                    "The ZooKeeper test server has not been started for " + context.getUniqueId());
        }
        if (parameter.getParameter().getType() == TestingServer.class) {
            return current.server();
        }
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        ClientHandle own = store.get(CLIENT, ClientHandle.class);
        if (own == null || own.owner() != context) {
            own = new ClientHandle(context, newClient(current.server().getConnectString()));
            store.put(CLIENT, own);
        }
        return own.client();
    }

    private static void closeClient(ExtensionContext context) {
        ClientHandle handle = context.getStore(NAMESPACE).remove(CLIENT, ClientHandle.class);
        if (handle != null) {
            handle.client().close();
        }
    }

    /** A client and the context (method or class) it belongs to; closed when that context ends. */
    private record ClientHandle(ExtensionContext owner, CuratorFramework client) {
    }

    /** The server of a test class and the admin client that wipes its tree between tests. */
    private record Zookeeper(TestingServer server, CuratorFramework admin) implements AutoCloseable {
        static Zookeeper start() {
            TestingServer server;
            try {
                server = new TestingServer(true);
            } catch (Exception e) {
                throw new IllegalStateException("The ZooKeeper test server could not start: " + e.getMessage(), e);
            }
            try {
                return new Zookeeper(server, newClient(server.getConnectString()));
            } catch (RuntimeException e) {
                closeQuietly(server, e);
                throw e;
            }
        }

        /** Restarts the server if a test left it stopped, and waits until the admin client is connected again. */
        void ensureRunning() throws Exception {
            if (!isAnswering()) {
                server.restart();
            }
            if (!admin.blockUntilConnected(CONNECT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("The ZooKeeper test server at " + server.getConnectString()
                        + " did not come back after the test");
            }
        }

        /** Deletes every znode except /zookeeper. */
        void wipe() throws Exception {
            for (String child : admin.getChildren().forPath("/")) {
                if (!"zookeeper".equals(child)) {
                    admin.delete().deletingChildrenIfNeeded().forPath("/" + child);
                }
            }
        }

        private boolean isAnswering() {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", server.getPort()), 500);
                return true;
            } catch (IOException e) {
                return false;
            }
        }

        @Override
        public void close() throws IOException {
            admin.close();
            server.close();
        }

        private static void closeQuietly(TestingServer server, RuntimeException cause) {
            try {
                server.close();
            } catch (IOException e) {
                cause.addSuppressed(e);
            }
        }
    }
}
