package dev.drove.controller.scheduler;

/** NO_TAG: only executors without tags other than their hostname. */
final class NoTagFilter implements NodeFilter {
    static final NoTagFilter INSTANCE = new NoTagFilter();

    private NoTagFilter() {
    }

    @Override
    public Verdict check(PlacementRequest request, ExecutorSnapshot executor) {
        var custom = executor.customTags();
        return custom.isEmpty() ? Verdict.ACCEPT
                : Verdict.reject("carries %s %s", custom.size() == 1 ? "tag" : "tags", String.join(", ", custom));
    }
}
