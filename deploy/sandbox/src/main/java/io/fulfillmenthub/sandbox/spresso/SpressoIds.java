package io.fulfillmenthub.sandbox.spresso;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Spresso's ids look like MongoDB ObjectIds (24 hex digits, e.g. {@code 6114950eb9b960697c78d098}).
 * Order and fulfillment ids are time plus randomness, so a restarted sandbox never repeats one the
 * hub has stored; a variant is a catalogue item, so its id is derived from its SKU and stable.
 */
final class SpressoIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private SpressoIds() {}

    static String objectId(Instant now) {
        byte[] random = new byte[8];
        RANDOM.nextBytes(random);
        return String.format("%08x", now.getEpochSecond()) + HexFormat.of().formatHex(random);
    }

    /** The first 24 hex digits of SHA-256 of the SKU. */
    static String variantIdForSku(String sku) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(sku.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash).substring(0, 24);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
