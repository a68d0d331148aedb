package io.fulfillmenthub.ingest.service;

import java.util.regex.Pattern;

/**
 * The shape every id taken from a webhook must have (order ids, delivery ids): they become Kafka keys, parts of
 * hub order ids, URL path segments of the operations API and log text, so anything else (control or invisible
 * characters, {@code :}, {@code /}, quotes, markup, {@code ${...}}) is refused at the door rather than escaped in
 * every place downstream. The vendors' ids seen (hex object ids, UUIDs, {@code evt_...}, integers) all fit.
 */
final class VendorIds {

    static final String RULE = "1 to 128 ASCII letters, digits, '.', '_' or '-', starting with a letter or digit";

    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final Pattern HUB_ORDER_ID = Pattern.compile("[a-z0-9][a-z0-9-]*:[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private VendorIds() {
    }

    static boolean wellFormed(String id) {
        return SHAPE.matcher(id).matches();
    }

    /** A hub order id, {@code <source>:<order id>}, of that shape. */
    static boolean wellFormedHubOrderId(String id) {
        return HUB_ORDER_ID.matcher(id).matches();
    }
}
