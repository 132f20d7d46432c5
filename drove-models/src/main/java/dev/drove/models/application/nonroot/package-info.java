/** Non-root execution: the {@link dev.drove.models.application.nonroot.UserSpec user and group} a container runs as. */
package dev.drove.models.application.nonroot;
