package dev.drove.executor.topology;

import java.util.Collections;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;

/**
 * How over-provisioning names vcores (drove-contract.md §3): with {@code p} the smallest prime strictly above the
 * multiplier {@code m}, physical CPU {@code c} yields vcores {@code (c+1)·p + i} for {@code i = 1..m}. Since
 * {@code m < p}, these ids fall strictly between {@code (c+1)·p} and {@code (c+2)·p}, so no two CPUs share a vcore.
 */
final class VirtualCores {
    private VirtualCores() {
    }

    /**
     * The vcores of the given CPUs, each mapped to the CPU that backs it.
     *
     * @param cpus       physical CPU ids, all 0 or more
     * @param multiplier vcores per CPU, 1 or more
     */
    static SortedMap<Integer, Integer> of(SortedSet<Integer> cpus, int multiplier) {
        if (multiplier < 1) {
            throw new IllegalArgumentException("A CPU multiplier is at least 1, got " + multiplier);
        }
        int prime = primeAbove(multiplier);
        SortedMap<Integer, Integer> backing = new TreeMap<>();
        for (int cpu : cpus) {
            for (int i = 1; i <= multiplier; i++) {
                backing.put(Math.addExact(Math.multiplyExact(cpu + 1, prime), i), cpu);
            }
        }
        return Collections.unmodifiableSortedMap(backing);
    }

    /** The smallest prime strictly greater than {@code n}. */
    static int primeAbove(int n) {
        int candidate = Math.max(n + 1, 2);
        while (!isPrime(candidate)) {
            candidate++;
        }
        return candidate;
    }

    private static boolean isPrime(int n) {
        if (n < 2) {
            return false;
        }
        for (int divisor = 2; (long) divisor * divisor <= n; divisor++) {
            if (n % divisor == 0) {
                return false;
            }
        }
        return true;
    }
}
