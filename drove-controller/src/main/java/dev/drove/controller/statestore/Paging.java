package dev.drove.controller.statestore;

/** The rule of every paged read: a page starts at 0 or later and holds 0 or more entries. */
final class Paging {
    private Paging() {
    }

    static void check(int start, int size) {
        if (start < 0 || size < 0) {
            throw new IllegalArgumentException("A page needs start >= 0 and size >= 0, not start " + start
                    + " and size " + size);
        }
    }
}
