package dev.drove.common.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway certificate authority and a server certificate it signed, made at test time with the JDK's
 * {@code keytool} (so nothing secret is checked in and nothing expires in the repository). Every store is PKCS12
 * with the password {@link #PASSWORD}; keys are EC P-256 and valid for two days.
 *
 * <ul>
 *   <li>{@link #trustStore()}: only the CA certificate, as a node's {@code clusterTls.trustStorePath}</li>
 *   <li>{@link #serverKeyStore()}: the server key with its certificate chain (server, CA), as an https connector's
 *       {@code keyStorePath}</li>
 * </ul>
 *
 * @param caName the CA's common name, to tell two authorities apart in handshake errors
 */
public record TestCertificates(String caName, Path trustStore, Path serverKeyStore) {
    public static final String PASSWORD = "drove-test-store";
    /** The names the default server certificate is valid for: loopback by name and by address. */
    public static final String LOOPBACK = "dns:localhost,ip:127.0.0.1";
    private static final long KEYTOOL_TIMEOUT_SECONDS = 60;

    /** A new CA in {@code dir} (created if needed) and a server certificate for {@link #LOOPBACK}. */
    public static TestCertificates create(Path dir, String caName) {
        return create(dir, caName, LOOPBACK);
    }

    /**
     * A new CA in {@code dir} and a server certificate for {@code subjectAlternativeNames}, in keytool's syntax
     * ({@code dns:name,ip:address}).
     */
    public static TestCertificates create(Path dir, String caName, String subjectAlternativeNames) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var ca = dir.resolve("ca.p12");
        var caCert = dir.resolve("ca.pem");
        var server = dir.resolve("server.p12");
        var request = dir.resolve("server.csr");
        var serverCert = dir.resolve("server.pem");
        var trust = dir.resolve("truststore.p12");

        keytool(dir, "-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=" + caName, "-ext", "bc:c", "-validity", "2", "-keystore", ca);
        keytool(dir, "-exportcert", "-rfc", "-alias", "ca", "-keystore", ca, "-file", caCert);
        keytool(dir, "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=drove-test-node", "-validity", "2", "-keystore", server);
        keytool(dir, "-certreq", "-alias", "server", "-keystore", server, "-file", request);
        keytool(dir, "-gencert", "-rfc", "-alias", "ca", "-keystore", ca, "-infile", request, "-outfile", serverCert,
                "-ext", "SAN=" + subjectAlternativeNames, "-ext", "KU=digitalSignature",
                "-ext", "EKU=serverAuth", "-validity", "2");
        keytool(dir, "-importcert", "-noprompt", "-alias", "ca", "-keystore", server, "-file", caCert);
        keytool(dir, "-importcert", "-alias", "server", "-keystore", server, "-file", serverCert);
        keytool(dir, "-importcert", "-noprompt", "-alias", "drove-ca", "-keystore", trust, "-file", caCert);
        return new TestCertificates(caName, trust, server);
    }

    private static void keytool(Path dir, Object... arguments) {
        var command = new ArrayList<String>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        for (var argument : arguments) {
            command.add(argument.toString());
        }
        command.addAll(List.of("-storetype", "PKCS12", "-storepass", PASSWORD));
        if (List.of(arguments).contains("-genkeypair")) {
            command.addAll(List.of("-keypass", PASSWORD));
        }
        var log = dir.resolve("keytool.log");
        try {
            var process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            process.getOutputStream().close();
            if (!process.waitFor(KEYTOOL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("keytool did not finish within " + KEYTOOL_TIMEOUT_SECONDS + " s: "
                        + command);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("keytool failed (" + process.exitValue() + "): " + command + "\n"
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run keytool from " + System.getProperty("java.home"), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running keytool", e);
        }
    }
}
