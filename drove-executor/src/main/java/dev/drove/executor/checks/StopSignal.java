package dev.drove.executor.checks;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A one-way switch the instance's state machine trips when the instance must stop. Waits of the {@link CheckRunner}
 * end as soon as it trips. Thread-safe; tripping twice is harmless.
 */
public final class StopSignal {
    private final CountDownLatch tripped = new CountDownLatch(1);

    /** Asks every current and future wait on this signal to end at once. */
    public void trip() {
        tripped.countDown();
    }

    public boolean isTripped() {
        return tripped.getCount() == 0;
    }

    /**
     * Waits up to {@code wait} for the signal to trip.
     *
     * @return true when the signal tripped (before or during the wait), or when the waiting thread was interrupted
     *         (its interrupt flag is kept set): either way the caller should stop. False when the time ran out.
     */
    public boolean awaitTrip(Duration wait) {
        if (isTripped()) {
            return true;
        }
        if (wait.isZero() || wait.isNegative()) {
            return false;
        }
        try {
            return tripped.await(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    @Override
    public String toString() {
        return isTripped() ? "StopSignal[tripped]" : "StopSignal[waiting]";
    }
}
