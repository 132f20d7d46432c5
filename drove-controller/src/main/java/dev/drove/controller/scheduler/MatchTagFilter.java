package dev.drove.controller.scheduler;

/** MATCH_TAG: only executors carrying the tag; the hostname counts, so this can pin a container to one host. */
final class MatchTagFilter implements NodeFilter {
    private final String tag;

    MatchTagFilter(String tag) {
        this.tag = tag;
    }

    @Override
    public Verdict check(PlacementRequest request, ExecutorSnapshot executor) {
        return executor.tags().contains(tag) ? Verdict.ACCEPT : Verdict.reject("lacks tag %s", tag);
    }
}
