package dev.drove.models.application.exposure;

/**
 * Which healthy instances the gateway routes a vhost to. Only {@code ALL} is implemented; {@code ONE} is accepted
 * but, as in the original, behaves like {@code ALL}.
 */
public enum ExposureMode {
    ALL,
    ONE
}
