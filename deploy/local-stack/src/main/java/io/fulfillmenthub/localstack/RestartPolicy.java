package io.fulfillmenthub.localstack;

import java.time.Duration;

/**
 * What the local stack does when a service's process ends without being asked to, like compose's
 * {@code restart: on-failure}: an exit with a non-zero status (a crash, {@code kill -9}, an exit on
 * running out of memory) is restarted after a delay that doubles with each failure in a row, up to a
 * cap, and the stack keeps trying. A run that stayed up for {@code resetAfter} ends a series of
 * failures, so the next one waits {@code firstDelay} again. An exit with status 0 is not restarted,
 * nor is a service the stack stopped.
 *
 * @param restartsFailures false: a service that dies stays down
 * @param firstDelay the wait before the first restart of a series
 * @param maxDelay the longest wait, however often it fails
 * @param resetAfter a run at least this long ends the series of failures
 */
public record RestartPolicy(boolean restartsFailures, Duration firstDelay, Duration maxDelay, Duration resetAfter) {

    /**
     * The launcher's policy. A service takes a few seconds to be ready, so a service that dies within a
     * minute of its start is dying "right after start" and waits longer each time, at most 30 s.
     */
    public static final RestartPolicy ON_FAILURE = new RestartPolicy(true, Duration.ofSeconds(1), Duration.ofSeconds(30),
            Duration.ofMinutes(1));
    /** A service that dies stays down (the launcher's {@code --no-restart}). */
    public static final RestartPolicy NEVER = new RestartPolicy(false, ON_FAILURE.firstDelay, ON_FAILURE.maxDelay,
            ON_FAILURE.resetAfter);

    public RestartPolicy {
        if (firstDelay.isNegative() || firstDelay.isZero()) {
            throw new IllegalArgumentException("firstDelay must be positive, was " + firstDelay);
        }
        if (maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("maxDelay (" + maxDelay + ") must not be shorter than firstDelay (" + firstDelay + ")");
        }
        if (resetAfter.isNegative() || resetAfter.isZero()) {
            throw new IllegalArgumentException("resetAfter must be positive, was " + resetAfter);
        }
    }

    /** Whether a process that ended on its own with this exit status is started again. */
    public boolean restarts(int exitStatus) {
        return restartsFailures && exitStatus != 0;
    }

    /** The failures in a row once a run that lasted {@code ran} has failed, after {@code before} of them. */
    public int failuresInARow(int before, Duration ran) {
        return ran.compareTo(resetAfter) >= 0 ? 1 : before + 1;
    }

    /** The wait before restarting after {@code failuresInARow} failures (1 for the first): doubling, capped. */
    public Duration delay(int failuresInARow) {
        if (failuresInARow < 1) {
            throw new IllegalArgumentException("failuresInARow must be at least 1, was " + failuresInARow);
        }
        // past 2^20 × firstDelay the cap has long been reached; the bound keeps the product from overflowing
        Duration doubled = firstDelay.multipliedBy(1L << Math.min(failuresInARow - 1, 20));
        return doubled.compareTo(maxDelay) > 0 ? maxDelay : doubled;
    }

    @Override
    public String toString() {
        return restartsFailures
                ? "on-failure: restart after " + format(firstDelay) + ", doubling to at most " + format(maxDelay)
                        + "; a run of " + format(resetAfter) + " starts again from " + format(firstDelay)
                : "no restarts";
    }

    static String format(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }
}
