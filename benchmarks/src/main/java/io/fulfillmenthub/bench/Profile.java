package io.fulfillmenthub.bench;

import java.time.Duration;
import java.util.List;

/**
 * How long and how hard each part runs: the full form for docs/benchmarks.md, or the smoke form
 * (seconds, for CI) that only shows the program still works and prints its figures.
 */
record Profile(
        String name,
        int runs,
        Duration warmUp,
        Duration run,
        int connections,
        int producerWarmUpRecords,
        Duration producerRun,
        int orchestratorWarmUpFacts,
        Duration orchestratorRun,
        Duration insertRun,
        double endToEndRate,
        Duration endToEndRun,
        Duration drainTimeout,
        List<Integer> searchRates,
        Duration searchStep) {

    /** What the targets are checked at: 500 orders/s end to end, 60 s per step of the rate search. */
    static Profile full(int runs) {
        return new Profile("full", runs, Duration.ofSeconds(10), Duration.ofSeconds(20), 64, 100_000,
                Duration.ofSeconds(15), 1_000, Duration.ofSeconds(20), Duration.ofSeconds(10), 500, Duration.ofSeconds(30),
                Duration.ofSeconds(60), List.of(100, 200, 300, 500, 750, 1000, 1500, 2000), Duration.ofSeconds(60));
    }

    static Profile smoke(int runs) {
        return new Profile("smoke", runs, Duration.ofSeconds(1), Duration.ofSeconds(2), 32, 5_000,
                Duration.ofSeconds(2), 50, Duration.ofSeconds(3), Duration.ofSeconds(2), 20, Duration.ofSeconds(3),
                Duration.ofSeconds(20), List.of(), Duration.ZERO);
    }

    String describe() {
        return String.format("%s form: each measure after a warm-up (%d s of HTTP load; %,d records; %,d facts, then "
                + "as many as half a run takes), "
                + "then %d run%s (%d s of HTTP load; records and facts sized from the warm-up's rate to last about "
                + "%d s and %d s)", name, warmUp.toSeconds(), producerWarmUpRecords, orchestratorWarmUpFacts, runs,
                runs == 1 ? "" : "s", run.toSeconds(), producerRun.toSeconds(), orchestratorRun.toSeconds());
    }
}
