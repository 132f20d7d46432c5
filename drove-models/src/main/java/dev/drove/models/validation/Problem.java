package dev.drove.models.validation;

/**
 * One thing wrong with a document, found by a cross-field check.
 *
 * @param path    where, relative to the object that found it, in dotted form ({@code healthcheck.mode.portName});
 *                empty for the object itself
 * @param message why, in words a user can act on ({@code "names no port in exposedPorts: admin"})
 */
public record Problem(String path, String message) {
    public static Problem at(String path, String format, Object... args) {
        return new Problem(path, String.format(format, args));
    }
}
