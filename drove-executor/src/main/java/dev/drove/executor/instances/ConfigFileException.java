package dev.drove.executor.instances;

/** A config file of a spec could not be produced; the message names the file and the reason. */
final class ConfigFileException extends Exception {
    ConfigFileException(String message) {
        super(message);
    }

    ConfigFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
