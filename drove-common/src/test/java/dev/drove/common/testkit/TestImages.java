package dev.drove.common.testkit;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.DockerClientException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.ContainerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Builds the {@link TestImage}s on the local engine. An image is rebuilt only when the SHA-256 of its build context
 * (the files under {@code test-images/<context>/} plus the busybox binary) differs from the
 * {@value #CONTEXT_HASH_LABEL} label of the image that carries the tag. The check runs once per JVM and image; it is
 * thread-safe, and because it reads the label it is also right when several JVMs (modules) share the engine.
 *
 * <p>The images are {@code FROM scratch} and copy in a statically linked busybox: {@code $DROVE_TEST_BUSYBOX} when
 * set, otherwise {@code /bin/busybox} ({@code scripts/ensure-docker.sh} installs Debian's busybox-static).
 */
public final class TestImages {
    /** Image label holding the content hash of the build context the image was built from. */
    public static final String CONTEXT_HASH_LABEL = "dev.drove.test.context-hash";
    /** Environment variable naming the static busybox to put into the images. */
    public static final String BUSYBOX_VARIABLE = BuildContext.BUSYBOX_VARIABLE;

    private static final Logger log = LoggerFactory.getLogger(TestImages.class);
    private static final Map<TestImage, String> ENSURED = new EnumMap<>(TestImage.class);

    private TestImages() {
    }

    /** Makes sure every {@link TestImage} is present and current; see {@link #ensureBuilt(DockerClient, TestImage)}. */
    public static void ensureBuilt(DockerClient docker) {
        for (TestImage image : TestImage.values()) {
            ensureBuilt(docker, image);
        }
    }

    /**
     * Makes sure {@code image} is tagged on the engine and was built from the current context, building it when not.
     *
     * @return the image id
     * @throws IllegalStateException when there is no static busybox or the build fails
     */
    public static synchronized String ensureBuilt(DockerClient docker, TestImage image) {
        String known = ENSURED.get(image);
        if (known != null) {
            return known;
        }
        try (BuildContext context = BuildContext.of(image)) {
            String hash = context.hash();
            InspectImageResponse tagged = inspect(docker, image);
            String id;
            if (tagged != null && hash.equals(labels(tagged).get(CONTEXT_HASH_LABEL))) {
                id = tagged.getId();
                log.debug("Test image {} is current ({})", image.reference(), id);
            } else {
                log.info("Test image {} {}; building it", image.reference(),
                        tagged == null ? "is not on this engine yet" : "was built from another context");
                id = build(docker, image, context.dir(), hash);
                if (tagged != null && !tagged.getId().equals(id)) {
                    removeQuietly(docker, tagged.getId());
                }
            }
            ENSURED.put(image, id);
            return id;
        }
    }

    /**
     * Where nothing listens: a pull of an image named under it fails at once without leaving this machine, so the
     * executor falls back to the local copy (as it must when a registry is unreachable).
     */
    public static final String UNREACHABLE_REGISTRY = "127.0.0.1:1";

    /**
     * {@code image}, built if needed and also tagged under {@link #UNREACHABLE_REGISTRY}: the reference to put in specs
     * that an executor runs, so no test ever pulls from a public registry.
     */
    public static synchronized String unpullable(DockerClient docker, TestImage image) {
        ensureBuilt(docker, image);
        var reference = image.reference();
        var colon = reference.lastIndexOf(':');
        var repository = UNREACHABLE_REGISTRY + "/" + reference.substring(0, colon);
        var tag = reference.substring(colon + 1);
        docker.tagImageCmd(reference, repository, tag).exec();
        return repository + ":" + tag;
    }

    /** Forgets what this JVM has ensured, so the next call checks the engine again (for the kit's own tests). */
    static synchronized void forget() {
        ENSURED.clear();
    }

    private static InspectImageResponse inspect(DockerClient docker, TestImage image) {
        try {
            return docker.inspectImageCmd(image.reference()).exec();
        } catch (NotFoundException absent) {
            return null;
        }
    }

    private static Map<String, String> labels(InspectImageResponse image) {
        ContainerConfig config = image.getConfig();
        return config == null || config.getLabels() == null ? Map.of() : config.getLabels();
    }

    /** Removes the image a rebuild replaced; one still used by a container stays. */
    private static void removeQuietly(DockerClient docker, String imageId) {
        try {
            docker.removeImageCmd(imageId).exec();
        } catch (DockerException stillUsed) {
            log.debug("Left the replaced test image {}: {}", imageId, stillUsed.getMessage());
        }
    }

    private static String build(DockerClient docker, TestImage image, Path context, String hash) {
        long started = System.nanoTime();
        try {
            String shortId = docker.buildImageCmd(context.toFile())
                    .withTags(Set.of(image.reference()))
                    .withLabels(Map.of(CONTEXT_HASH_LABEL, hash))
                    .withPull(false)
                    .withRemove(true)
                    .withForcerm(true)
                    .exec(new BuildImageResultCallback())
                    .awaitImageId(2, TimeUnit.MINUTES);
            String id = docker.inspectImageCmd(shortId).exec().getId(); // the build reports a short id
            log.info("Built test image {} ({}) in {} ms", image.reference(), id,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            return id;
        } catch (DockerException | DockerClientException e) {
            throw new IllegalStateException("Could not build test image " + image.reference() + ": " + e.getMessage(),
                    e);
        }
    }
}
