package dev.drove.controller.scheduler;

/**
 * How full one executor is, as bin packing orders a plain list of candidates: fewest free cores first, then fewest
 * free megabytes, then the executor known longest ({@code seq}, unique per book). Pools keep their own order by free
 * cores alone ({@link ExecutorPool#fullestFirst}).
 */
record Fullness(int freeCores, long freeMemoryMB, long seq, ExecutorBook book) implements Comparable<Fullness> {

    @Override
    public int compareTo(Fullness other) {
        int byCores = Integer.compare(freeCores, other.freeCores);
        if (byCores != 0) {
            return byCores;
        }
        int byMemory = Long.compare(freeMemoryMB, other.freeMemoryMB);
        return byMemory != 0 ? byMemory : Long.compare(seq, other.seq);
    }
}
