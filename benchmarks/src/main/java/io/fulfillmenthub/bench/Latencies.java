package io.fulfillmenthub.bench;

import java.util.Collection;

/**
 * Percentiles of a set of latencies, by nearest rank: p99 is a latency that was actually observed,
 * the smallest with at least 99% of the set at or below it.
 */
record Latencies(int count, double p50Ms, double p99Ms, double maxMs) {

    static Latencies ofMicros(Collection<Long> micros) {
        long[] sorted = micros.stream().mapToLong(Long::longValue).sorted().toArray();
        if (sorted.length == 0) {
            return new Latencies(0, Double.NaN, Double.NaN, Double.NaN);
        }
        return new Latencies(sorted.length, percentile(sorted, 50) / 1000.0, percentile(sorted, 99) / 1000.0,
                sorted[sorted.length - 1] / 1000.0);
    }

    /** Nearest rank of a sorted array: the value at position ceil(p / 100 * n), counting from 1. */
    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
    }

    @Override
    public String toString() {
        return String.format("n=%d p50=%.1f ms p99=%.1f ms max=%.1f ms", count, p50Ms, p99Ms, maxMs);
    }
}
