package dev.drove.controller.scheduler.bench;

/**
 * How scattered the running containers are, read from the checker's own model: executors with nothing on them
 * (they could be released), and how many more 4-core, 4 GB containers would still fit on one NUMA node each.
 */
record Fragmentation(int emptyExecutors, long fourCoreSlots) {
    static final int BIG_CPUS = 4;
    static final long BIG_MEMORY_MB = 4096;

    static Fragmentation of(Occupancy occupancy) {
        int empty = 0;
        long slots = 0;
        for (int executor = 0; executor < occupancy.executors(); executor++) {
            empty += occupancy.isEmpty(executor) ? 1 : 0;
            slots += occupancy.fits(executor, BIG_CPUS, BIG_MEMORY_MB);
        }
        return new Fragmentation(empty, slots);
    }
}
