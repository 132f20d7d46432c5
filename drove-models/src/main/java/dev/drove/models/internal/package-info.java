/**
 * Documents only the cluster's own nodes exchange (contract §2.8 "Internal", Appendix A {@code /internal/...}).
 *
 * <pre>
 * executor --GET /internal/cluster/executors/{id}/instances/last|current--> leader : KnownInstancesData
 *          (recovery after a restart | the zombie reaper: which ids to keep, which are stale)
 * executor --GET /internal/cluster/resources/reserved--> leader : LocalServiceInstanceResources
 * </pre>
 */
package dev.drove.models.internal;
