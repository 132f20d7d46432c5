package dev.drove.models.application;

/**
 * What kind of workload a spec describes. Applications are {@code SERVICE}, tasks are {@code COMPUTATION}, local
 * services are {@code LOCAL_SERVICE}; containers are labelled with it so an executor can recover them.
 */
public enum JobType {
    SERVICE,
    COMPUTATION,
    LOCAL_SERVICE
}
