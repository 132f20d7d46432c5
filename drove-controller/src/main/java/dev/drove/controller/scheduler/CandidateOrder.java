package dev.drove.controller.scheduler;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;

/**
 * The order in which one placement tries its candidates, by {@link PlacementStrategy}.
 * <ul>
 *     <li>RANDOM draws a Fisher–Yates shuffle one candidate at a time and remembers only the slots it disturbed, so
 *     a placement that fits on the third of five thousand executors makes three draws instead of copying five
 *     thousand ids. It yields exactly the order an eager shuffle with the same random numbers gives.</li>
 *     <li>BIN_PACKING takes the fullest first: a pool keeps that order as it changes; a plain list of ids is sorted
 *     once, unknown ids last.</li>
 * </ul>
 */
final class CandidateOrder {
    private CandidateOrder() {
    }

    /** The members of {@code pool} that may fit {@code cpus} cores, in the order of {@code strategy}. */
    static Iterator<ExecutorBook> inPool(ExecutorPool pool, PlacementStrategy strategy, int cpus, Random random) {
        return strategy == PlacementStrategy.BIN_PACKING ? pool.fullestFirst(cpus)
                : new Shuffled<>(pool.members(), random);
    }

    /** {@code ids} in the order of {@code strategy}; {@code resources} tells how full each is. */
    static Iterator<String> of(List<String> ids, PlacementStrategy strategy, ClusterResources resources,
                               Random random) {
        if (strategy == PlacementStrategy.RANDOM) {
            return new Shuffled<>(ids, random);
        }
        var known = new ArrayList<Fullness>(ids.size());
        var unknown = new ArrayList<String>();
        ids.forEach(id -> resources.fullness(id).ifPresentOrElse(known::add, () -> unknown.add(id)));
        known.sort(Comparator.naturalOrder());
        var order = new ArrayList<String>(ids.size());
        known.forEach(fullness -> order.add(fullness.book().id()));
        order.addAll(unknown);
        return order.iterator();
    }

    /** A lazily drawn random permutation of a list that does not change while it is drawn. */
    private static final class Shuffled<T> implements Iterator<T> {
        private final List<T> items;
        private final Random random;
        private final DisturbedSlots moved = new DisturbedSlots();
        private int next;

        Shuffled(List<T> items, Random random) {
            this.items = items;
            this.random = random;
        }

        @Override
        public boolean hasNext() {
            return next < items.size();
        }

        @Override
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            int drawn = next + random.nextInt(items.size() - next);
            int taken = moved.itemIn(drawn);
            if (drawn != next) {
                moved.put(drawn, moved.itemIn(next));
            }
            next++;
            return items.get(taken);
        }
    }

    /**
     * Slot to the index of the item a draw moved into it; an undisturbed slot holds its own index. The first
     * disturbed slot is kept in two fields, so a placement that takes its first candidate allocates nothing; more go
     * to a small open-addressing table of ints.
     */
    private static final class DisturbedSlots {
        private int firstSlot = -1;
        private int firstItem;
        private int[] slots;
        private int[] items;
        private int size;

        int itemIn(int slot) {
            if (slot == firstSlot) {
                return firstItem;
            }
            if (slots != null) {
                for (int at = home(slot, slots.length); slots[at] >= 0; at = (at + 1) & (slots.length - 1)) {
                    if (slots[at] == slot) {
                        return items[at];
                    }
                }
            }
            return slot;
        }

        void put(int slot, int item) {
            if (firstSlot < 0 || firstSlot == slot) {
                firstSlot = slot;
                firstItem = item;
                return;
            }
            if (slots == null || 2 * (size + 1) > slots.length) {
                grow();
            }
            int at = home(slot, slots.length);
            while (slots[at] >= 0 && slots[at] != slot) {
                at = (at + 1) & (slots.length - 1);
            }
            size += slots[at] < 0 ? 1 : 0;
            slots[at] = slot;
            items[at] = item;
        }

        private void grow() {
            var oldSlots = slots == null ? new int[0] : slots;
            var oldItems = items;
            slots = new int[Math.max(16, oldSlots.length * 2)];
            items = new int[slots.length];
            Arrays.fill(slots, -1);
            size = 0;
            for (int i = 0; i < oldSlots.length; i++) {
                if (oldSlots[i] >= 0) {
                    put(oldSlots[i], oldItems[i]);
                }
            }
        }

        private static int home(int slot, int length) {
            return (slot * 0x9E3779B9) >>> 16 & (length - 1);
        }
    }
}
