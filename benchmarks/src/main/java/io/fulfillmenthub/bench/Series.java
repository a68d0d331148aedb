package io.fulfillmenthub.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** One measure over several runs: what the report shows is its median and its spread (min to max). */
record Series(List<Double> values) {

    Series {
        values = List.copyOf(values);
    }

    static Series of(double... values) {
        return new Series(Arrays.stream(values).boxed().toList());
    }

    /** This series with one more value; NaN (a run that had nothing to measure) is left out. */
    Series plus(double value) {
        if (Double.isNaN(value)) {
            return this;
        }
        List<Double> more = new ArrayList<>(values);
        more.add(value);
        return new Series(more);
    }

    boolean isEmpty() {
        return values.isEmpty();
    }

    /** The middle value; with an even count, the mean of the two middle ones. */
    double median() {
        double[] sorted = sorted();
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    double min() {
        return sorted()[0];
    }

    double max() {
        double[] sorted = sorted();
        return sorted[sorted.length - 1];
    }

    private double[] sorted() {
        if (values.isEmpty()) {
            throw new IllegalStateException("no values");
        }
        return values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }
}
