package dev.drove.models.application.placement;

/**
 * The placement of local services: instances run on every eligible executor instead of on chosen ones. Only a
 * local service spec may use it, and it must.
 *
 * @param hostLevel whether the instances are host-level; passed to executors as the instances'
 *                  {@code hostLevelInstance}
 */
public record LocalPlacement(boolean hostLevel) implements PlacementPolicy {
}
