package dev.drove.controller.localservices;

import dev.drove.controller.scheduler.ClusterResources;
import dev.drove.controller.scheduler.ExecutorSnapshot;
import dev.drove.controller.scheduler.Reservation;
import dev.drove.controller.scheduler.Reservations;
import dev.drove.controller.statestore.LocalServiceStore;
import dev.drove.models.application.requirements.ResourceRequirement;
import dev.drove.models.info.nodedata.ExecutorState;
import dev.drove.models.internal.LocalServiceInstanceResources;
import dev.drove.models.localservice.ActivationState;
import dev.drove.models.localservice.LocalServiceInfo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;

/**
 * Which executors local services run on, and the room they hold there. An executor is <b>eligible</b> when it is
 * ACTIVE, not blacklisted, and carries no tag but its hostname (the scheduler's tag rule keeps tagged executors for
 * MATCH_TAG work, and a LOCAL placement asks for none). Every service that is ACTIVE or CONFIG_TESTING reserves
 * {@code instancesPerHost} × its cores and memory on every eligible executor, so apps and tasks never take the room
 * its instances need; the scheduler asks {@link #on} under each executor's lock, so the answer is a prepared list.
 */
final class ServiceReservations implements Reservations {
    private static final Set<ActivationState> RESERVING = Set.of(ActivationState.ACTIVE,
            ActivationState.CONFIG_TESTING);

    private final LocalServiceStore services;
    private final ClusterResources resources;
    private volatile List<Reservation> reserved = List.of();

    ServiceReservations(LocalServiceStore services, ClusterResources resources) {
        this.services = services;
        this.resources = resources;
    }

    /** Reads the services again; call after every change of a service's activation or instance count. */
    void refresh() {
        reserved = services.all().stream().filter(ServiceReservations::reserves)
                .map(ServiceReservations::reservation).toList();
    }

    @Override
    public List<Reservation> on(ExecutorSnapshot executor) {
        var current = reserved;
        return current.isEmpty() || !isEligible(executor) ? List.of() : current;
    }

    /** The executors local services run on now, sorted by id. */
    List<String> eligibleExecutors() {
        return resources.executorIds().stream()
                .filter(id -> resources.snapshot(id).map(ServiceReservations::isEligible).orElse(false))
                .toList();
    }

    /** What every eligible executor keeps for the reserving services, as the executors' API answers it. */
    LocalServiceInstanceResources totals() {
        long cpus = 0;
        long memory = 0;
        var required = new LinkedHashMap<String, Integer>();
        for (var service : services.all()) {
            if (reserves(service)) {
                var reservation = reservation(service);
                cpus += (long) reservation.cpus() * reservation.instancesPerHost();
                memory += reservation.memoryMB() * reservation.instancesPerHost();
                required.put(service.serviceId(), service.instancesPerHost());
            }
        }
        return new LocalServiceInstanceResources(cpus, memory, required);
    }

    static boolean isEligible(ExecutorSnapshot executor) {
        // an executor's tags always hold its hostname: more than one means it has others
        return executor.state() == ExecutorState.ACTIVE && !executor.blacklisted() && executor.tags().size() <= 1;
    }

    private static boolean reserves(LocalServiceInfo service) {
        return RESERVING.contains(service.activationState());
    }

    private static Reservation reservation(LocalServiceInfo service) {
        var resources = service.spec().resources();
        return new Reservation(service.serviceId(), service.instancesPerHost(), ResourceRequirement.cpus(resources),
                ResourceRequirement.memoryInMB(resources));
    }
}
