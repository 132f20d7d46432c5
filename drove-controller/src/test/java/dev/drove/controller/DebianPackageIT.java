package dev.drove.controller;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
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
 * The .deb that {@code mvn package} builds with jdeb (target/drove-controller.deb), unpacked with
 * {@code dpkg-deb} into a throw-away root: the files land where docs/deployment.md says, the config files are
 * conffiles and are the shipped config/production files, the maintainer scripts are valid, and the packaged unit
 * passes {@code systemd-analyze verify} (systemd/verify.sh). Runs in the integration-test phase, after package.
 */
class DebianPackageIT {
    private static final String SERVICE = "controller";
    private static final String JAR = "/usr/share/drove/drove-controller.jar";

    private static Path repository;
    private static Path deb;
    @TempDir
    static Path work;
    private static Path root;

    @BeforeAll
    static void unpackThePackage() throws Exception {
        repository = repositoryRoot();
        deb = Path.of("target", "drove-" + SERVICE + ".deb");
        assertThat(deb).as("the package; run mvn package without -Djdeb.skip=true").isRegularFile();
        root = Files.createDirectories(work.resolve("root"));
        run("dpkg-deb", "-x", deb.toString(), root.toString());
        run("dpkg-deb", "-e", deb.toString(), work.resolve("DEBIAN").toString());
    }

    @Test
    void theControlFileNamesThePackageAndTheJavaRuntimeItNeeds() throws Exception {
        assertThat(field("Package")).isEqualTo("drove-" + SERVICE);
        assertThat(field("Architecture")).isEqualTo("all");
        assertThat(field("Version")).matches("\\d+\\.\\d+\\.\\d+([~+.][0-9A-Za-z.~+]+)?");
        assertThat(field("Depends")).contains("java17-runtime-headless").contains("adduser");
        assertThat(field("Maintainer")).isNotBlank();
        assertThat(field("Description")).isNotBlank();
    }

    @Test
    void theRunnableJarIsInstalledUnderUsrShareDrove() throws Exception {
        var jar = installed(JAR);

        assertThat(jar).isRegularFile();
        try (var file = new JarFile(jar.toFile())) {
            assertThat(file.getManifest().getMainAttributes().getValue("Main-Class"))
                    .isEqualTo(ControllerApplication.class.getName());
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"controller.yml", "controller.env"})
    void theProductionConfigIsInstalledInEtcDroveAsAConffile(String name) throws Exception {
        var target = "/etc/drove/" + SERVICE + "/" + name;

        assertThat(installed(target)).hasSameBinaryContentAs(repository.resolve("config/production/" + name));
        assertThat(Files.readAllLines(work.resolve("DEBIAN/conffiles"))).contains(target);
        assertThat(listing()).as("not world-readable: it holds secrets")
                .anyMatch(line -> line.startsWith("-rw-r----- ") && line.endsWith("." + target));
    }

    @Test
    void theUnitIsTheRepositorysUnitAndRunsTheInstalledJarWithTheInstalledEnvFile() throws Exception {
        var unit = installed("/lib/systemd/system/drove." + SERVICE + ".service");

        assertThat(unit).hasSameBinaryContentAs(repository.resolve("systemd/drove." + SERVICE + ".service"));
        var text = Files.readString(unit);
        assertThat(text).contains("-jar " + JAR + " ")
                .contains("EnvironmentFile=/etc/drove/" + SERVICE + "/" + SERVICE + ".env")
                .contains("User=drove")
                .contains("Restart=always");
    }

    @Test
    void thePackagedUnitPassesSystemdAnalyzeVerify() throws Exception {
        var unit = installed("/lib/systemd/system/drove." + SERVICE + ".service");

        var output = run("bash", repository.resolve("systemd/verify.sh").toString(), unit.toString());

        assertThat(output).contains("OK   " + unit);
    }

    @Test
    void theContainerVariantOfTheUnitPassesSystemdAnalyzeVerifyToo() throws Exception {
        var unit = repository.resolve("systemd/container/drove." + SERVICE + ".service");

        var output = run("bash", repository.resolve("systemd/verify.sh").toString(), unit.toString());

        assertThat(output).contains("OK   " + unit);
    }

    @Test
    void verificationRejectsAUnitWithAMistake() throws Exception {
        var broken = Files.writeString(work.resolve("drove.broken.service"),
                "[Service]\nExecStart=/usr/bin/java -jar " + JAR + "\nRestart=sometimes\n");

        var process = new ProcessBuilder("bash", repository.resolve("systemd/verify.sh").toString(),
                broken.toString()).redirectErrorStream(true).start();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor()).isNotZero();
        assertThat(output).contains("FAIL " + broken).contains("sometimes");
    }

    @Test
    void theOperatorDocsComeWithThePackage() {
        assertThat(installed("/usr/share/doc/drove-" + SERVICE + "/deployment.md")).isRegularFile();
        assertThat(installed("/usr/share/doc/drove-" + SERVICE + "/configuration.md")).isRegularFile();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"postinst", "prerm", "postrm"})
    void everyMaintainerScriptIsAnExecutableShellScriptThatParses(String script) throws Exception {
        var file = work.resolve("DEBIAN").resolve(script);

        assertThat(Files.isExecutable(file)).as(script + " is executable").isTrue();
        assertThat(Files.readAllLines(file).get(0)).isEqualTo("#!/bin/sh");
        run("sh", "-n", file.toString());
    }

    @Test
    void postinstCreatesTheDroveUserAndTheLogFolderAndLocksDownTheConfig() throws Exception {
        var postinst = Files.readString(work.resolve("DEBIAN/postinst"));

        assertThat(postinst).contains("adduser --quiet --system --ingroup drove")
                .contains("LOGS=/var/log/drove/" + SERVICE)
                .contains("chown drove:drove")
                .contains("chmod 0640");
    }

    @Test
    void everythingInThePackageBelongsToRoot() throws Exception {
        assertThat(listing()).isNotEmpty().allMatch(line -> line.split("\\s+")[1].equals("root/root"), "root/root");
    }

    private static String field(String name) throws Exception {
        return run("dpkg-deb", "-f", deb.toString(), name).strip();
    }

    private static List<String> listing() throws Exception {
        return run("dpkg-deb", "-c", deb.toString()).lines().toList();
    }

    private static Path installed(String absolutePath) {
        return root.resolve(absolutePath.substring(1));
    }

    /** Runs a command to completion and returns its output; fails the test on a non-zero exit. */
    private static String run(String... command) throws IOException, InterruptedException {
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as("exit status of %s; output:%n%s", String.join(" ", command), output)
                .isZero();
        return output;
    }

    /** The checkout this module belongs to: the folder above it that holds config/production. */
    private static Path repositoryRoot() {
        for (var folder = Path.of("").toAbsolutePath(); folder != null; folder = folder.getParent()) {
            if (Files.isDirectory(folder.resolve("config/production"))) {
                return folder;
            }
        }
        throw new IllegalStateException("No config/production above " + Path.of("").toAbsolutePath());
    }
}
