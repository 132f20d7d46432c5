/**
 * Topology: what CPUs and memory this executor has, and what it offers to the cluster.
 *
 * <p>Vocabulary (docs: cluster/setup/executor-setup.md, sections "CPU and Memory considerations" and
 * "Resource Configuration"; drove-contract.md §3):
 * <ul>
 *     <li><b>NUMA node</b> ({@link dev.drove.executor.topology.NumaNode}): a group of physical CPUs and the memory
 *     attached to them, as the kernel reports it under {@code /sys/devices/system/node}.</li>
 *     <li><b>Host topology</b> ({@link dev.drove.executor.topology.HostTopology}): every NUMA node of the machine, read
 *     by {@link dev.drove.executor.topology.SysfsTopologyReader}. It gives the same per-node CPU and memory maps as
 *     {@code numactl -H}, which the original Drove parses.</li>
 *     <li><b>OS cores</b>: CPUs that the config reserves for the operating system, docker and the executor. They are
 *     never offered.</li>
 *     <li><b>Vcore</b>: the id of a core as the controller sees it. Without over-provisioning a vcore is a physical
 *     CPU id. With it, each physical CPU {@code c} yields {@code cpuMultiplier} vcores {@code (c+1)·p + i}, where
 *     {@code p} is the smallest prime above the multiplier and {@code i = 1..cpuMultiplier}.</li>
 *     <li><b>Physical layout</b> ({@link dev.drove.executor.topology.PhysicalLayout}): the physical CPUs and the
 *     (percentage-scaled) memory of each offered node, before over-provisioning multiplies them.</li>
 *     <li><b>Offer</b> ({@link dev.drove.executor.topology.ExecutorResources}): per node, the vcores and memory the
 *     executor advertises, and the map from vcores back to physical CPUs for {@code cpuset-cpus}.</li>
 * </ul>
 *
 * <p>Flow, once at start-up:
 * <pre>
 * /sys/devices/system/node ──SysfsTopologyReader──▶ HostTopology
 *   (fallback: /sys/devices/system/cpu/online + /proc/meminfo as one node 0)
 * HostTopology + ResourceConfig ──ExecutorResources.offer──▶
 *     remove osCores ─▶ memory × exposedMemPercentage/100 ─▶ [overProvisioning] vcores, memory × memoryMultiplier
 *     ─▶ [disableNUMAPinning] every node merged into node 0 ─▶ offered nodes + vcore→CPU map + tags
 * </pre>
 *
 * <p>Unlike the original, an over-provisioned executor with NUMA pinning on advertises on each node only the vcores
 * of that node's own CPUs. Where the original reads {@code numactl -H}, this package reads sysfs, which is the same
 * source that numactl reads.
 */
package dev.drove.executor.topology;
