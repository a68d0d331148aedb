package io.fulfillmenthub.sandbox.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;

/**
 * The vendors' own examples, read unchanged from {@code <repository root>/../shared/vendor-fixtures/}: the
 * directory is found by walking up from {@code user.dir} to one that holds {@code shared/vendor-fixtures}.
 */
public final class VendorFixtures {

    private static final ObjectMapper JSON = new ObjectMapper();

    private VendorFixtures() {}

    /** The text of a fixture, e.g. {@code spod/submit-order.json}. */
    public static String text(String name) {
        Path file = directory().resolve(name);
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the vendor fixture " + file, e);
        }
    }

    public static JsonNode json(String name) {
        try {
            return JSON.readTree(text(name));
        } catch (IOException e) {
            throw new UncheckedIOException("the vendor fixture " + name + " is not JSON", e);
        }
    }

    public static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + body, e);
        }
    }

    /**
     * The same shape as the example: the same field names and nesting, the same value types; an array
     * element is compared with the example's element at its index, or its last.
     */
    public static void assertSameShape(JsonNode example, JsonNode actual) {
        compare(example, actual, "$");
    }

    private static void compare(JsonNode example, JsonNode actual, String at) {
        assertThat(actual).as("%s", at).isNotNull();
        assertThat(actual.getNodeType()).as("type of %s", at).isEqualTo(example.getNodeType());
        if (example.isObject()) {
            assertThat(names(actual)).as("fields of %s", at).isEqualTo(names(example));
            example.fieldNames().forEachRemaining(name -> compare(example.get(name), actual.get(name), at + "." + name));
        } else if (example.isArray() && !example.isEmpty()) {
            for (int i = 0; i < actual.size(); i++) {
                compare(example.get(Math.min(i, example.size() - 1)), actual.get(i), at + "[" + i + "]");
            }
        }
    }

    private static Set<String> names(JsonNode node) {
        Set<String> names = new TreeSet<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            names.add(it.next());
        }
        return names;
    }

    static Path directory() {
        Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("vendor-fixtures");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no shared/vendor-fixtures found above " + start
                + ": the vendor fixtures must sit beside the checkout, at <repository root>/../shared/vendor-fixtures");
    }
}
