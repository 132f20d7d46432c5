/**
 * Local services: services that run {@code instancesPerHost} instances on every eligible executor.
 *
 * <pre>
 * LocalServiceSpec (an application spec without exposureSpec, placement LOCAL)   serviceId = name-version
 *   --stored as--> LocalServiceInfo{serviceId, spec, instancesPerHost, activationState, created, updated}
 * ActivationState ACTIVE | CONFIG_TESTING | INACTIVE says whether it should run;
 * LocalServiceState says what the controller is doing about it.
 * </pre>
 */
package dev.drove.models.localservice;
