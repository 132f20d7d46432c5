package dev.drove.controller.statestore;

import java.util.Comparator;
import java.util.function.Function;

/**
 * How one kind of grouped document is filed: under which ZooKeeper root, as which type, in which group and under
 * which id, and the order {@link GroupedStore#all} answers in.
 */
record Filing<T>(String root, Class<T> type, Function<T, String> group, Function<T, String> id,
                 Comparator<T> order) {
}
