package io.fulfillmenthub.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * The figures of each fault run, one Markdown table row per run, appended to
 * {@code target/reliability/fault-runs.md} (and printed), for docs/reliability.md. Figures, not
 * asserts: the tests assert the ledger, this says how the run went.
 */
final class FaultRunReport {

    static final Path FILE = Path.of("target", "reliability", "fault-runs.md");
    private static final String HEADER = """
            | run | fault | fault lasted | orders in (fulfillments) | at SPOD exactly once | shipments at Spresso exactly once | duplicates | hub calls the fault took | dead letters | drained after the fault |
            | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
            """;

    private FaultRunReport() {
    }

    /**
     * @param atSpod fulfillments SPOD accepted exactly once, of {@code fulfillments}
     * @param atSpresso shipments Spresso accepted exactly once, of the shipments expected (null: none sent)
     * @param duplicates extra acceptances at either vendor
     * @param faultedCalls the hub's calls the sandbox fault held or answered, null when the fault was not the sandbox's
     * @param drained from the fault's end until the vendor had everything it was owed, null when not measured
     */
    static synchronized void append(String run, String fault, Duration lasted, int orders, int fulfillments,
            long atSpod, Long atSpresso, long duplicates, Long faultedCalls, long deadLetters, Duration drained) {
        String row = String.format(Locale.ROOT, "| %s | %s | %s | %d (%d) | %d of %d | %s | %d | %s | %d | %s |%n",
                run, fault, seconds(lasted), orders, fulfillments, atSpod, fulfillments,
                atSpresso == null ? "n/a" : atSpresso + " of " + fulfillments, duplicates,
                faultedCalls == null ? "n/a" : faultedCalls.toString(), deadLetters,
                drained == null ? "n/a" : seconds(drained));
        System.out.print("fault run: " + row);
        try {
            Files.createDirectories(FILE.getParent());
            if (!Files.exists(FILE)) {
                Files.writeString(FILE, "Fault runs of " + Instant.now() + "\n\n" + HEADER, StandardCharsets.UTF_8);
            }
            Files.writeString(FILE, row, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + FILE.toAbsolutePath(), e);
        }
    }

    /** From {@code from} to {@code to}, never negative (the fault may end after its last order arrived). */
    static Duration between(Instant from, Instant to) {
        Duration duration = Duration.between(from, to);
        return duration.isNegative() ? Duration.ZERO : duration;
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }
}
