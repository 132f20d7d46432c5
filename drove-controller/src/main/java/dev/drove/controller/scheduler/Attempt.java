package dev.drove.controller.scheduler;

/** The outcome of trying one executor: a placement, or the reason it was rejected. */
record Attempt(Placement placement, String rejection) {
    static Attempt placed(Placement placement) {
        return new Attempt(placement, null);
    }

    static Attempt rejected(String reason) {
        return new Attempt(null, reason);
    }

    boolean isPlaced() {
        return placement != null;
    }
}
