/**
 * Resource requirements: what a container reserves on its executor. A spec lists exactly one
 * {@link dev.drove.models.application.requirements.CPURequirement CPU} ({@code count} cores) and one
 * {@link dev.drove.models.application.requirements.MemoryRequirement MEMORY} ({@code sizeInMB}) requirement.
 */
package dev.drove.models.application.requirements;
