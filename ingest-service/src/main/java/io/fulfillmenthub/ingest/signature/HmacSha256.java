package io.fulfillmenthub.ingest.signature;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 under one or more keys (the current secret, and during a rotation the previous one), with
 * the digest in the header encoded as the source says. Says whether given bytes match; which bytes is the
 * verifier's business.
 */
public final class HmacSha256 {

    private static final String ALGORITHM = "HmacSHA256";

    private final List<SecretKeySpec> keys;
    private final DigestEncoding encoding;

    /** @param keys the keys' bytes; empty ones are dropped, as an empty key would let anyone sign */
    public HmacSha256(List<byte[]> keys, DigestEncoding encoding) {
        this.keys = keys.stream().filter(key -> key.length > 0).map(key -> new SecretKeySpec(key, ALGORITHM)).toList();
        this.encoding = encoding;
    }

    public boolean hasKeys() {
        return !keys.isEmpty();
    }

    /** True when the header is the digest of these bytes under any one of the keys. */
    public boolean matches(byte[] bytes, String header) {
        if (header == null || header.isBlank() || keys.isEmpty()) {
            return false;
        }
        byte[] claimed;
        try {
            claimed = encoding.decode(header.trim());
        } catch (IllegalArgumentException notEncoded) {
            return false;
        }
        boolean matched = false;
        // every key is tried, so the time taken does not tell which one matched
        for (SecretKeySpec key : keys) {
            matched |= MessageDigest.isEqual(digest(key, bytes), claimed);
        }
        return matched;
    }

    /** The header value for these bytes under this key. */
    public static String sign(byte[] bytes, byte[] key, DigestEncoding encoding) {
        return encoding.encode(digest(new SecretKeySpec(key, ALGORITHM), bytes));
    }

    private static byte[] digest(SecretKeySpec key, byte[] bytes) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
