package dev.drove.common.testkit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every Drove service's .deb promises, checked on the package that {@code mvn package} built with jdeb
 * ({@code target/drove-<service>.deb}), unpacked with {@code dpkg-deb} into a throw-away root: the files land where
 * docs/deployment.md says, the config files are conffiles and are the shipped config/production files, the
 * maintainer scripts parse, and the packaged units pass {@code systemd-analyze verify} (systemd/verify.sh).
 *
 * <p>A service's integration test extends this, names the service and its main class, and adds what only that
 * service's package does. Runs in the integration-test phase, after package.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ServicePackageContract {
    private final String service;
    private final Class<?> mainClass;
    private final String jar;
    private Path repository;
    private Path deb;
    private Path root;
    private Path work;

    /**
     * @param service   "controller" or "executor": the package is drove-{service}, its config folder
     *                  /etc/drove/{service}
     * @param mainClass the Main-Class the installed jar must name
     */
    protected ServicePackageContract(String service, Class<?> mainClass) {
        this.service = service;
        this.mainClass = mainClass;
        this.jar = "/usr/share/drove/drove-" + service + ".jar";
    }

    @BeforeAll
    void unpackThePackage(@TempDir Path scratch) throws Exception {
        work = scratch;
        repository = repositoryRoot();
        deb = Path.of("target", "drove-" + service + ".deb");
        assertThat(deb).as("the package; run mvn package without -Djdeb.skip=true").isRegularFile();
        root = Files.createDirectories(work.resolve("root"));
        run("dpkg-deb", "-x", deb.toString(), root.toString());
        run("dpkg-deb", "-e", deb.toString(), work.resolve("DEBIAN").toString());
    }

    @Test
    void theControlFileNamesThePackageAndTheJavaRuntimeItNeeds() throws Exception {
        assertThat(field("Package")).isEqualTo("drove-" + service);
        assertThat(field("Architecture")).isEqualTo("all");
        assertThat(field("Version")).matches("\\d+\\.\\d+\\.\\d+([~+.][0-9A-Za-z.~+]+)?");
        assertThat(field("Depends")).contains("java17-runtime-headless").contains("adduser");
        assertThat(field("Maintainer")).isNotBlank();
        assertThat(field("Description")).isNotBlank();
    }

    @Test
    void theRunnableJarIsInstalledUnderUsrShareDrove() throws Exception {
        var installedJar = installed(jar);

        assertThat(installedJar).isRegularFile();
        try (var file = new JarFile(installedJar.toFile())) {
            assertThat(file.getManifest().getMainAttributes().getValue("Main-Class")).isEqualTo(mainClass.getName());
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"yml", "env"})
    void theProductionConfigIsInstalledInEtcDroveAsAConffile(String extension) throws Exception {
        var name = service + "." + extension;
        var target = "/etc/drove/" + service + "/" + name;

        assertThat(installed(target)).hasSameBinaryContentAs(repository.resolve("config/production/" + name));
        assertThat(Files.readAllLines(work.resolve("DEBIAN/conffiles"))).contains(target);
        assertThat(listing()).as("not world-readable: it holds secrets")
                .anyMatch(line -> line.startsWith("-rw-r----- ") && line.endsWith("." + target));
    }

    @Test
    void theUnitIsTheRepositorysUnitAndRunsTheInstalledJarWithTheInstalledEnvFile() throws Exception {
        var unit = installedUnit();

        assertThat(unit).hasSameBinaryContentAs(repository.resolve("systemd/drove." + service + ".service"));
        assertThat(Files.readString(unit)).contains("-jar " + jar + " ")
                .contains("EnvironmentFile=/etc/drove/" + service + "/" + service + ".env")
                .contains("User=drove")
                .contains("Restart=always");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"packaged", "container"})
    void theUnitPassesSystemdAnalyzeVerify(String variant) throws Exception {
        var unit = variant.equals("packaged")
                ? installedUnit()
                : repository.resolve("systemd/container/drove." + service + ".service");

        assertThat(verifyUnit(unit)).contains("OK   " + unit);
    }

    @Test
    void theOperatorDocsComeWithThePackage() {
        assertThat(installed("/usr/share/doc/drove-" + service + "/deployment.md")).isRegularFile();
        assertThat(installed("/usr/share/doc/drove-" + service + "/configuration.md")).isRegularFile();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"postinst", "prerm", "postrm"})
    void everyMaintainerScriptIsAnExecutableShellScriptThatParses(String script) throws Exception {
        var file = controlFile(script);

        assertThat(Files.isExecutable(file)).as(script + " is executable").isTrue();
        assertThat(Files.readAllLines(file).get(0)).isEqualTo("#!/bin/sh");
        run("sh", "-n", file.toString());
    }

    @Test
    void postinstCreatesTheDroveUserAndTheLogFolderAndLocksDownTheConfig() throws Exception {
        assertThat(Files.readString(controlFile("postinst")))
                .contains("adduser --quiet --system --ingroup drove")
                .contains("LOGS=/var/log/drove/" + service)
                .contains("chown drove:drove")
                .contains("chmod 0640");
    }

    @Test
    void everythingInThePackageBelongsToRoot() throws Exception {
        assertThat(listing()).isNotEmpty().allMatch(line -> line.split("\\s+")[1].equals("root/root"), "root/root");
    }

    /** The unpacked copy of a file the package installs at {@code absolutePath}. */
    protected Path installed(String absolutePath) {
        return root.resolve(absolutePath.substring(1));
    }

    /** The package's systemd unit as installed. */
    protected Path installedUnit() {
        return installed("/lib/systemd/system/drove." + service + ".service");
    }

    /** A file of the package's control area: control, conffiles, postinst... */
    protected Path controlFile(String name) {
        return work.resolve("DEBIAN").resolve(name);
    }

    /** The scratch folder of this class, for files a test writes. */
    protected Path scratch() {
        return work;
    }

    /** Runs systemd/verify.sh on a unit; fails the test when it does not pass. */
    protected String verifyUnit(Path unit) throws IOException, InterruptedException {
        return run("bash", repository.resolve("systemd/verify.sh").toString(), unit.toString());
    }

    /** The path of systemd/verify.sh in this checkout. */
    protected Path verifyScript() {
        return repository.resolve("systemd/verify.sh");
    }

    private String field(String name) throws Exception {
        return run("dpkg-deb", "-f", deb.toString(), name).strip();
    }

    private List<String> listing() throws Exception {
        return run("dpkg-deb", "-c", deb.toString()).lines().toList();
    }

    /** Runs a command to completion and returns its output; fails the test on a non-zero exit. */
    private static String run(String... command) throws IOException, InterruptedException {
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as("exit status of %s; output:%n%s", String.join(" ", command), output)
                .isZero();
        return output;
    }

    /** The checkout the module under test belongs to: the folder above it that holds config/production. */
    private static Path repositoryRoot() {
        for (var folder = Path.of("").toAbsolutePath(); folder != null; folder = folder.getParent()) {
            if (Files.isDirectory(folder.resolve("config/production"))) {
                return folder;
            }
        }
        throw new IllegalStateException("No config/production above " + Path.of("").toAbsolutePath());
    }
}
