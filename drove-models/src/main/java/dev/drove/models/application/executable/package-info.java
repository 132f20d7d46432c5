/**
 * Executable coordinates: what a container runs. Today only {@code DOCKER} images
 * ({@link dev.drove.models.application.executable.DockerCoordinates}); the executor pulls them, bounded by
 * {@code dockerPullTimeout}.
 */
package dev.drove.models.application.executable;
