package dev.drove.executor.engine;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.PullResponseItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The engine's images: pulling with a local fallback, and removing images no container needs any more. Concurrent
 * pulls of one image share one engine pull ({@link SharedPulls}).
 */
final class ImageStore {
    private static final Logger LOG = LoggerFactory.getLogger(ContainerEngine.class);

    private final DockerClients docker;
    private final ExecutorOptions options;
    private final SharedPulls pulls = new SharedPulls();

    ImageStore(DockerClients docker, ExecutorOptions options) {
        this.docker = docker;
        this.options = options;
    }

    /** See {@link ContainerEngine#ensureImage(String, Duration)}. */
    void ensure(String image, Duration pullTimeout) {
        ImageName name = ImageName.parse(image);
        String failure = pulls.pull(name.toString(), pullTimeout, timeout -> pull(name, timeout));
        if (failure == null) {
            LOG.info("Pulled image {}", name);
            return;
        }
        if (existsLocally(name)) {
            LOG.warn("Could not pull {} ({}); running the local copy", image, failure);
            return;
        }
        throw new ContainerEngineException("Could not pull " + image + " (" + failure
                + ") and the executor has no local copy");
    }

    /** Pulls the image; returns null on success, otherwise the reason it failed. */
    private String pull(ImageName name, Duration timeout) {
        PullProgress progress = new PullProgress();
        try {
            docker.streams().pullImageCmd(name.repository()).withTag(name.tag()).exec(progress);
            if (!progress.awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return "timed out after " + timeout.toSeconds() + " s";
            }
            return progress.failure();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ContainerEngineException("Interrupted while pulling " + name, e);
        } catch (RuntimeException e) {
            return ContainerEngineException.reasonOf(e);
        } finally {
            closeQuietly(progress);
        }
    }

    boolean existsLocally(ImageName name) {
        try {
            docker.commands().inspectImageCmd(name.toString()).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    /**
     * See {@link ContainerEngine#removeImageIfUnused(String)}. A container "uses" the image when it was created from
     * this reference; other tags of the same image id do not count, since removing this tag then only untags it.
     * If the tag is the image's last and a container created some other way still needs it, the engine refuses and
     * the image is kept.
     */
    boolean removeIfUnused(String image) {
        if (options.cacheImages()) {
            LOG.debug("Keeping image {}: images are cached on this executor", image);
            return false;
        }
        ImageName name = ImageName.parse(image);
        String reference = name.toString();
        Set<String> spellings = new HashSet<>(List.of(image.strip(), reference));
        if ("latest".equals(name.tag())) {
            spellings.add(name.repository());
        }
        try {
            long users = docker.commands().listContainersCmd().withShowAll(true).exec().stream()
                    .filter(container -> spellings.contains(container.getImage()))
                    .count();
            if (users > 0) {
                LOG.debug("Keeping image {}: {} container(s) still use it", reference, users);
                return false;
            }
            docker.commands().removeImageCmd(reference).exec();
            LOG.info("Removed image {}; no container uses it any more", reference);
            return true;
        } catch (NotFoundException e) {
            return false;
        } catch (ConflictException e) {
            LOG.info("Keeping image {}: {}", reference, ContainerEngineException.reasonOf(e));
            return false;
        } catch (RuntimeException e) {
            LOG.warn("Could not remove image {}: {}", reference, ContainerEngineException.reasonOf(e));
            return false;
        }
    }

    private static void closeQuietly(ResultCallback<?> callback) {
        try {
            callback.close();
        } catch (IOException | RuntimeException e) {
            LOG.debug("Could not close a pull stream: {}", e.getMessage());
        }
    }

    /** Remembers the last error the pull stream reported; the engine reports some failures only in the stream. */
    private static final class PullProgress extends ResultCallback.Adapter<PullResponseItem> {
        private volatile String error;

        @Override
        public void onNext(PullResponseItem item) {
            if (item.isErrorIndicated()) {
                error = item.getErrorDetail() != null && item.getErrorDetail().getMessage() != null
                        ? item.getErrorDetail().getMessage() : "the registry reported an error";
            }
        }

        @Override
        public void onError(Throwable throwable) {
            error = ContainerEngineException.reasonOf(throwable);
            closeQuietly(this);
        }

        String failure() {
            return error;
        }
    }
}
