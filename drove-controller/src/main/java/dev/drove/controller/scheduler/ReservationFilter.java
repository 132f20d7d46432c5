package dev.drove.controller.scheduler;

/**
 * Keeps the room of local services free: a container fits only if the executor's free cores and memory, less what
 * the reservations of other groups still miss there, cover it. A local service's own request does not count its own
 * reservation. Totals are compared, not NUMA nodes: the allocator that follows picks the node.
 */
final class ReservationFilter implements NodeFilter {
    private final Reservations reservations;

    ReservationFilter(Reservations reservations) {
        this.reservations = reservations;
    }

    @Override
    public Verdict check(PlacementRequest request, ExecutorSnapshot executor) {
        long cores = 0;
        long memory = 0;
        for (var reservation : reservations.on(executor)) {
            if (!reservation.groupKey().equals(request.groupKey())) {
                var running = executor.instancesOf(reservation.groupKey());
                cores += reservation.missingCores(running);
                memory += reservation.missingMemoryMB(running);
            }
        }
        if (cores == 0 && memory == 0) {
            return Verdict.ACCEPT;
        }
        if (executor.freeCoreCount() - cores >= request.cpus()
                && executor.freeMemoryMB() - memory >= request.memoryMB()) {
            return Verdict.ACCEPT;
        }
        return Verdict.reject("keeps %d %s and %d MB for local services", cores, cores == 1 ? "core" : "cores",
                memory);
    }
}
