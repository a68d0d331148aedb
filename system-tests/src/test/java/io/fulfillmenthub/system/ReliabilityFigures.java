package io.fulfillmenthub.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * The figures of each fault test, one Markdown table row each, appended to
 * {@code system-tests/target/reliability-figures.md} (for docs/reliability.md) and printed.
 */
final class ReliabilityFigures {

    static final Path FILE = Path.of("target", "reliability-figures.md");
    private static final String HEADER = """
            | when | test | fault | fault lasted | orders in | at SPOD exactly once | shipped once at Spresso | cancelled at SPOD | duplicates | repeated calls (SPOD / Spresso) | out of order | dead letters | time to drain | notes |
            | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
            """;

    private ReliabilityFigures() {
    }

    /**
     * @param faultLasted from the fault's start until it was over (the service ready again, the broker back, the database thawed)
     * @param drain from the end of the fault until every order was where it belongs; null when it never was
     */
    static synchronized void record(String test, String fault, Duration faultLasted, VendorLedger.Tally tally,
            Duration drain, String notes) {
        String row = String.format(Locale.ROOT, "| %s | %s | %s | %s | %d | %d | %d/%d | %d/%d | %d | %d / %d | %d | %d | %s | %s |%n",
                LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS), test, fault, seconds(faultLasted), tally.ordersIn,
                tally.atSpodOnce, tally.shippedOnceAtSpresso, tally.toShip, tally.cancelledAtSpod, tally.toCancel,
                tally.spodDuplicates + tally.spressoExtraShipments, tally.spodRepeatedSubmissions, tally.spressoRepeatedCalls,
                tally.outOfOrder, tally.deadLetters, drain == null ? "not drained" : seconds(drain),
                notes.replace("|", "/").replace("\n", " "));
        System.out.print("reliability figures: " + row);
        try {
            Files.createDirectories(FILE.toAbsolutePath().getParent());
            if (!Files.exists(FILE)) {
                Files.writeString(FILE, HEADER);
            }
            Files.writeString(FILE, row, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + FILE.toAbsolutePath(), e);
        }
    }

    static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }
}
