package dev.drove.executor.topology;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class VirtualCoresTest {

    @ParameterizedTest(name = "multiplier {0} uses prime {1}")
    @CsvSource({"1, 2", "2, 3", "3, 5", "4, 5", "5, 7", "7, 11", "10, 11", "11, 13", "13, 17", "19, 23", "20, 23"})
    void thePrimeIsTheSmallestStrictlyAboveTheMultiplier(int multiplier, int prime) {
        assertThat(VirtualCores.primeAbove(multiplier)).isEqualTo(prime);
    }

    @Test
    void eachCpuYieldsMultiplierVcoresNumberedFromTheNextPrime() {
        SortedMap<Integer, Integer> vcores = VirtualCores.of(new TreeSet<>(List.of(0, 8)), 3);
        assertThat(vcores).containsExactly(
                entry(6, 0), entry(7, 0), entry(8, 0),
                entry(46, 8), entry(47, 8), entry(48, 8));
    }

    @ParameterizedTest(name = "multiplier {0}")
    @ValueSource(ints = {1, 2, 3, 4, 7, 10, 19, 20})
    void noTwoCpusEverShareAVcore(int multiplier) {
        var cpus = IntStream.range(0, 128).boxed().collect(Collectors.toCollection(TreeSet::new));
        SortedMap<Integer, Integer> vcores = VirtualCores.of(cpus, multiplier);
        assertThat(vcores).hasSize(128 * multiplier);
        for (Map.Entry<Integer, Integer> vcore : vcores.entrySet()) {
            int prime = VirtualCores.primeAbove(multiplier);
            assertThat(vcore.getKey() / prime - 1).as("vcore %d", vcore.getKey()).isEqualTo(vcore.getValue());
        }
    }
}
