package dev.drove.controller.scheduler;

/**
 * LOCAL: a local service instance goes to the executor the caller names in the request's candidates, and nowhere
 * else; the local service engine decides which executors get instances.
 */
final class LocalFilter implements NodeFilter {
    static final LocalFilter INSTANCE = new LocalFilter();

    private LocalFilter() {
    }

    @Override
    public Verdict check(PlacementRequest request, ExecutorSnapshot executor) {
        return request.candidates().contains(executor.id()) ? Verdict.ACCEPT
                : Verdict.reject("is not named by the LOCAL placement");
    }
}
