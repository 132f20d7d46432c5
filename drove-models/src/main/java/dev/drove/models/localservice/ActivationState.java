package dev.drove.models.localservice;

/**
 * Whether a local service should run: ACTIVE runs its instances on every eligible executor, CONFIG_TESTING runs a
 * single test instance, INACTIVE runs none.
 */
public enum ActivationState {
    ACTIVE,
    CONFIG_TESTING,
    INACTIVE
}
