package dev.drove.common.testkit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The build context of a {@link TestImage} in a temp dir: the files under {@code test-images/<context>/} on the
 * classpath (a folder in this module, the test-jar elsewhere) plus a static busybox named {@code busybox}.
 * {@link #close()} deletes the dir.
 */
record BuildContext(Path dir) implements AutoCloseable {
    /** Environment variable naming the static busybox to put into the images; {@code /bin/busybox} otherwise. */
    static final String BUSYBOX_VARIABLE = "DROVE_TEST_BUSYBOX";

    private static final Logger log = LoggerFactory.getLogger(BuildContext.class);

    /** Copies the image's context from the classpath (folder or jar) into a new temp dir and adds the busybox. */
    static BuildContext of(TestImage image) {
        Path busybox = busybox();
        URL dockerfile = BuildContext.class.getResource(image.contextResource() + "/Dockerfile");
        if (dockerfile == null) {
            throw new IllegalStateException(
                    "The test kit's classpath lacks " + image.contextResource() + "/Dockerfile");
        }
        try {
            Path target = Files.createTempDirectory("drove-test-image-");
            URI uri = dockerfile.toURI();
            if ("jar".equals(uri.getScheme())) {
                try (JarView jar = JarView.open(uri)) {
                    copyTree(jar.fileSystem().provider().getPath(uri).getParent(), target);
                }
            } else {
                copyTree(Path.of(uri).getParent(), target);
            }
            Files.copy(busybox, target.resolve("busybox"), StandardCopyOption.REPLACE_EXISTING);
            return new BuildContext(target);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the build context of " + image.reference(), e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Unexpected resource address " + dockerfile, e);
        }
    }

    /** Copies files and folders; every file becomes rwxr-xr-x, as copies out of a jar lose their modes. */
    private static void copyTree(Path source, Path target) throws IOException {
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path path : paths.collect(Collectors.toList())) {
                Path copy = target.resolve(unixPath(source.relativize(path)));
                if (Files.isDirectory(path)) {
                    Files.createDirectories(copy);
                } else {
                    try (InputStream in = Files.newInputStream(path)) {
                        Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
                    }
                    Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rwxr-xr-x"));
                }
            }
        }
    }

    private static ByteBuffer read(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                return null;
            }
        }
        return buffer;
    }

    private static String unixPath(Path relative) {
        return relative.toString().replace(relative.getFileSystem().getSeparator(), "/");
    }

    /** Deletes the temp dir. */
    @Override
    public void close() {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            log.warn("Could not delete the temporary build context {}: {}", dir, e.getMessage());
        }
    }

    /** A jar on the classpath opened as a file system; closes it only if this view opened it. */
    private record JarView(FileSystem fileSystem, boolean owned) implements AutoCloseable {
        static JarView open(URI uri) throws IOException {
            try {
                return new JarView(FileSystems.newFileSystem(uri, Map.of()), true);
            } catch (FileSystemAlreadyExistsException e) {
                return new JarView(FileSystems.getFileSystem(uri), false);
            }
        }

        @Override
        public void close() throws IOException {
            if (owned) {
                fileSystem.close();
            }
        }
    }

    /** The static busybox the images use. */
    static Path busybox() {
        String configured = System.getenv(BUSYBOX_VARIABLE);
        Path busybox = Path.of(configured == null || configured.isBlank() ? "/bin/busybox" : configured);
        if (!Files.isRegularFile(busybox)) {
            throw new IllegalStateException("No busybox at " + busybox + " for the test images. Run "
                    + "scripts/ensure-docker.sh (installs busybox-static) or set " + BUSYBOX_VARIABLE + ".");
        }
        if (!isStaticExecutable(busybox)) {
            throw new IllegalStateException(busybox + " is not a statically linked executable, so it cannot run in a "
                    + "FROM scratch image. Run scripts/ensure-docker.sh (installs busybox-static) or set "
                    + BUSYBOX_VARIABLE + " to a static busybox.");
        }
        return busybox;
    }

    /**
     * True when {@code file} is a 64-bit little-endian ELF executable without a program interpreter (PT_INTERP), that
     * is, one the kernel runs without a dynamic loader.
     */
    static boolean isStaticExecutable(Path file) {
        try (FileChannel channel = FileChannel.open(file)) {
            ByteBuffer header = read(channel, 0, 64);
            if (header == null || header.getInt(0) != 0x464C457F || header.get(4) != 2 || header.get(5) != 1) {
                return false;
            }
            long programHeaders = header.getLong(0x20);
            int entrySize = Short.toUnsignedInt(header.getShort(0x36));
            int entries = Short.toUnsignedInt(header.getShort(0x38));
            ByteBuffer table = read(channel, programHeaders, entrySize * entries);
            if (table == null) {
                return false;
            }
            for (int i = 0; i < entries; i++) {
                if (table.getInt(i * entrySize) == 3) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** SHA-256 over the relative paths and contents of every file of this context, in path order. */
    String hash() {
        return hash(dir);
    }

    /** SHA-256 over the relative paths and contents of every file under {@code context}, in path order. */
    static String hash(Path context) {
        try (Stream<Path> files = Files.walk(context)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            List<Path> sorted = files.filter(Files::isRegularFile)
                    .sorted(Comparator.comparing(path -> unixPath(context.relativize(path))))
                    .toList();
            for (Path file : sorted) {
                digest.update(unixPath(context.relativize(file)).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(Files.readAllBytes(file));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot hash the build context " + context, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JVM has no SHA-256", e);
        }
    }
}
