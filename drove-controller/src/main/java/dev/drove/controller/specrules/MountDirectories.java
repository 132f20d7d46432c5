package dev.drove.controller.specrules;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;

/**
 * The directories of the executor hosts that specs may mount ({@code options.allowedMountDirs}, docs:
 * cluster/setup/controller.md). None configured means no restriction. Otherwise a host path is allowed when, once
 * normalised, it is one of the directories or lies below one at a path-segment boundary: {@code /data/a} is under
 * {@code /data}, {@code /database} is not, and {@code /data/../etc} is {@code /etc}.
 *
 * <p>Normalising is textual: {@code .} and empty segments go, {@code ..} removes the segment before it (and stays at
 * the root). Symbolic links on the executor hosts cannot be seen from the controller; an allowed directory must not
 * hold links that lead out of it.
 */
final class MountDirectories {
    private final List<String> allowed;

    /** @throws IllegalArgumentException when a configured directory is not an absolute path */
    MountDirectories(List<String> configured) {
        for (var directory : configured) {
            if (directory == null || !directory.startsWith("/")) {
                throw new IllegalArgumentException("options.allowedMountDirs must hold absolute paths; '" + directory
                        + "' is not one");
            }
        }
        this.allowed = configured.stream().map(MountDirectories::normalise).distinct().toList();
    }

    /** Whether a restriction is configured at all. */
    boolean isRestricted() {
        return !allowed.isEmpty();
    }

    /** Why {@code pathOnHost} may not be mounted, or empty when it may. */
    Optional<String> refusal(String pathOnHost) {
        if (!isRestricted()) {
            return Optional.empty();
        }
        if (pathOnHost == null || !pathOnHost.startsWith("/")) {
            return Optional.of(pathOnHost + " is not an absolute path; only directories under " + allowedList()
                    + " may be mounted");
        }
        var normalised = normalise(pathOnHost);
        if (allowed.stream().anyMatch(directory -> isUnder(normalised, directory))) {
            return Optional.empty();
        }
        var shown = normalised.equals(pathOnHost) ? pathOnHost : pathOnHost + " (" + normalised + ")";
        return Optional.of(shown + " is not under an allowed mount directory (allowed: " + allowedList() + ")");
    }

    /** The allowed directories as the operator reads them: {@code /a, /b}. */
    String allowedList() {
        return String.join(", ", allowed);
    }

    /** {@code path} without {@code .}, {@code ..}, repeated or trailing slashes; absolute paths stay absolute. */
    static String normalise(String path) {
        var segments = new ArrayDeque<String>();
        for (var segment : path.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                segments.pollLast();
            } else {
                segments.addLast(segment);
            }
        }
        return "/" + String.join("/", segments);
    }

    /** Whether normalised {@code path} is {@code directory} or below it, at a segment boundary. */
    static boolean isUnder(String path, String directory) {
        if (directory.equals("/")) {
            return true;
        }
        return path.equals(directory) || path.startsWith(directory + "/");
    }
}
