package dev.drove.executor.instances;

/**
 * The work of one state: runs on the instance's thread and says where to go next. A step may block (pulling,
 * checking, waiting for the container) but must return soon after the instance's {@link TrackedInstance#signal()}
 * trips. An exception counts as a failure of the step; the machine then takes the failure path of the state.
 */
interface Step<S extends Enum<S>, T extends TrackedInstance<S>> {
    Move<S> run(T instance);
}
