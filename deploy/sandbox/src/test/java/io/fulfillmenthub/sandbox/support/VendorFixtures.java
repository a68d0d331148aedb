package io.fulfillmenthub.sandbox.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Payloads transcribed from the vendors' documentation, in {@code <repo root>/../shared/vendor-fixtures}
 * (beside the checkout). Read as they are, never edited.
 */
public final class VendorFixtures {

    private static final Path RELATIVE = Path.of("shared", "vendor-fixtures");

    private VendorFixtures() {
    }

    /** A fixture, e.g. {@code spresso/order.json}. */
    public static JsonNode read(String fixture) {
        Path file = directory().resolve(fixture);
        try {
            return new ObjectMapper().readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the vendor fixture " + file, e);
        }
    }

    /** Walks up from {@code user.dir} to the first directory holding {@code shared/vendor-fixtures}. */
    private static Path directory() {
        Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(RELATIVE);
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no " + RELATIVE + " in " + start + " or any directory above it: the vendor fixtures"
                + " must sit beside the checkout (<repo root>/../shared/vendor-fixtures)");
    }
}
