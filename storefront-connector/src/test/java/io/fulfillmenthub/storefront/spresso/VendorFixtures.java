package io.fulfillmenthub.storefront.spresso;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fulfillmenthub.contracts.HubJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Payloads transcribed from the vendors' documentation, in {@code <repo root>/../shared/vendor-fixtures}
 * (beside the checkout). Read as they are, never edited: they are the hub's contract with reality.
 */
public final class VendorFixtures {

    private static final Path RELATIVE = Path.of("shared", "vendor-fixtures");

    private VendorFixtures() {
    }

    /** The order of Spresso's "Data Model" page, {@code spresso/order.json}. */
    public static ObjectNode spressoOrder() {
        Path file = directory().resolve("spresso").resolve("order.json");
        try {
            return (ObjectNode) HubJson.mapper().readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the vendor fixture " + file, e);
        }
    }

    /** Walks up from {@code user.dir} to the first directory holding {@code shared/vendor-fixtures}. */
    static Path directory() {
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
