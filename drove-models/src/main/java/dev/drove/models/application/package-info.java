/**
 * Applications: versions of long-running services and the parts of their specs.
 *
 * <pre>
 * ApplicationSpec{name, version, executable, exposedPorts, resources, healthcheck, readiness, ...}
 *   appId = name-version ("TEST_APP-1")  --stored as-->  ApplicationInfo{appId, spec, instances, created, updated}
 *   ApplicationState: INIT -> MONITORING <-> RUNNING ... -> DESTROYED | FAILED
 * ContainerSpec  (shared with tasks and local services)   ServiceSpec (shared with local services)
 * </pre>
 * Sub-packages hold the polymorphic parts: executable, requirements, checks, placement, logging, exposure, devices,
 * nonroot.
 */
package dev.drove.models.application;
