package io.fulfillmenthub.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;
import org.awaitility.core.ConditionFactory;

/**
 * Exactly-once checks against a vendor's record of what it accepted. A count taken the moment the
 * expected number appears misses a duplicate that comes later (a retry, a redelivery), so every check
 * waits until each key is counted, then watches a quiet period in which every count must stay one,
 * then counts once more.
 */
final class Ledger {

    /** Longer than the hub's first retry steps and the SPOD poll interval (1 s), so a late repeat shows. */
    static final Duration QUIET = Duration.ofSeconds(6);
    private static final Duration POLL = Duration.ofSeconds(1);

    private Ledger() {
    }

    /**
     * @param counts per key (e.g. a fulfillment id), how many times the vendor accepted it
     * @return when every key was first counted at least once
     */
    static Instant awaitExactlyOnce(String what, Duration atMost, Supplier<Map<String, Long>> counts) {
        Instant reached = awaitReached(what, atMost, counts);
        throughQuietPeriod(what + " stays exactly once").untilAsserted(() -> assertExactlyOnce(what, counts.get()));
        assertExactlyOnce(what, counts.get());
        return reached;
    }

    /**
     * An await whose condition must hold throughout the quiet period. Its limit leaves room for slow
     * evaluations on a loaded machine; a condition that breaks fails it at the limit.
     */
    static ConditionFactory throughQuietPeriod(String alias) {
        return await(alias).during(QUIET).atMost(QUIET.plus(Duration.ofSeconds(30))).pollInterval(POLL);
    }

    /**
     * Waits until every key was counted at least once, without the quiet period: to time a drain, followed
     * by {@link #awaitExactlyOnce}.
     *
     * @return when every key was first seen counted
     */
    static Instant awaitReached(String what, Duration atMost, Supplier<Map<String, Long>> counts) {
        await(what + " reached").atMost(atMost).pollInterval(POLL).untilAsserted(() -> assertThat(counts.get())
                .as(what).allSatisfy((key, count) -> assertThat(count).as("%s: %s", what, key).isPositive()));
        return Instant.now();
    }

    static void assertExactlyOnce(String what, Map<String, Long> counts) {
        assertThat(counts).as(what).allSatisfy((key, count) -> assertThat(count).as("%s: %s", what, key).isEqualTo(1));
    }

    /** How many keys the vendor accepted exactly once. */
    static long exactlyOnce(Map<String, Long> counts) {
        return counts.values().stream().filter(count -> count == 1).count();
    }

    /** Accepted more than once, summed over keys: each extra acceptance is one duplicate. */
    static long duplicates(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(count -> Math.max(0, count - 1)).sum();
    }
}
