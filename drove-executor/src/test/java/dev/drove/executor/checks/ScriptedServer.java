package dev.drove.executor.checks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A JDK HttpServer on loopback whose answers a test scripts: a status per path, or no answer at all until the server
 * closes. It records every request it receives.
 */
final class ScriptedServer implements AutoCloseable {
    private static final char[] PASSWORD = "changeit".toCharArray();

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private final Map<String, Integer> statuses = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);
    private volatile Consumer<Request> listener = request -> { };

    /** What the server received. */
    record Request(String method, String path, String body) {
    }

    private ScriptedServer(HttpServer server) {
        this.server = server;
        server.createContext("/", this::handle);
        server.setExecutor(handlers);
        server.start();
    }

    static ScriptedServer http() {
        try {
            return new ScriptedServer(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An HTTPS server presenting a self-signed certificate for a host name that is not localhost. */
    static ScriptedServer https(Path folder) {
        try {
            HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setHttpsConfigurator(new HttpsConfigurator(selfSigned(folder)));
            return new ScriptedServer(server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A port on loopback where nothing listens (bound once by the kernel's choice, then released). */
    static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** Answers requests for {@code path} with {@code status} from now on. */
    ScriptedServer answer(String path, int status) {
        statuses.put(path, status);
        return this;
    }

    /** Requests for {@code path} get no answer until the server closes. */
    ScriptedServer hang(String path) {
        statuses.put(path, -1);
        return this;
    }

    /** Also tells {@code listener} of every request, as it arrives. */
    ScriptedServer onRequest(Consumer<Request> listener) {
        this.listener = listener;
        return this;
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            String path = exchange.getRequestURI().getPath();
            Request request = new Request(exchange.getRequestMethod(), path,
                    new String(in.readAllBytes(), StandardCharsets.UTF_8));
            requests.add(request);
            listener.accept(request);
            int status = statuses.getOrDefault(path, 404);
            if (status < 0) {
                closing.await(1, TimeUnit.MINUTES);
                return;
            }
            exchange.sendResponseHeaders(status, -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        handlers.shutdownNow();
    }

    /** Generates a key pair and self-signed certificate with the JDK's keytool and serves it. */
    private static SSLContext selfSigned(Path folder) throws IOException {
        Path keystore = folder.resolve("server.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "server",
                "-keyalg", "RSA", "-keysize", "2048", "-validity", "2", "-dname", "CN=not-localhost.example",
                "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD))
                .redirectErrorStream(true)
                .start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(1, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool could not make a test certificate: " + output);
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keystore)) {
                store.load(in, PASSWORD);
            }
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while making a test certificate", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot serve the test certificate", e);
        }
    }
}
