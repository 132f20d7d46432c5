package dev.drove.controller.scheduler;

/** The outcome of trying one executor: a placement, or the verdict that rejected it. */
record Attempt(Placement placement, Verdict rejection) {
    static Attempt placed(Placement placement) {
        return new Attempt(placement, null);
    }

    static Attempt rejected(Verdict verdict) {
        return new Attempt(null, verdict);
    }

    boolean isPlaced() {
        return placement != null;
    }
}
