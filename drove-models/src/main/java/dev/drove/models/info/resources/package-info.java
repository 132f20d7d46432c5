/**
 * Cores and memory as the executors report and the controller allocates them, always per NUMA node.
 *
 * <pre>
 * PhysicalLayout       what the host has          cores {"0": [0..11]}   memory {"0": 19026}
 * AvailableCPU/Memory  free and used right now    freeCores {"0": [3..11]}, usedCores {"0": [2]} ...
 * ResourceAllocation   what one instance holds    {type: CPU, cores {"0": [2]}}, {type: MEMORY, memoryInMB {"0": 128}}
 * </pre>
 *
 * Map keys are NUMA node ids, written as JSON strings ({@code "0"}) as in the docs; core ids and node ids are kept
 * sorted so the JSON is stable. An {@link dev.drove.models.info.resources.ExecutorResourceSnapshot} bundles the free,
 * used and physical views of one executor.
 */
package dev.drove.models.info.resources;
