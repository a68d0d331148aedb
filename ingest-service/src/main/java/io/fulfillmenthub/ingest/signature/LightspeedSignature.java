package io.fulfillmenthub.ingest.signature;

import java.util.Locale;

/**
 * Scheme {@code lightspeed}: {@code X-Signature: signature=<hex HMAC-SHA256 of the raw body>,algorithm=HMAC-SHA256},
 * keyed with the app's client secret. [unknown] Lightspeed X-Series does not document its webhook signature here
 * (VENDOR-FACTS.md assumes this form): this class is the one place that knows it. The parts may come in either order
 * and with spaces; an {@code algorithm} other than HMAC-SHA256 is refused, an absent one is taken as HMAC-SHA256.
 */
public final class LightspeedSignature implements SignatureVerifier {

    public static final String SCHEME = "lightspeed";
    public static final String ALGORITHM = "HMAC-SHA256";

    private final HmacSha256 hmac;

    /** @param hmac the client secrets, with the digest in hex */
    public LightspeedSignature(HmacSha256 hmac) {
        this.hmac = hmac;
    }

    @Override
    public boolean matchesRaw(byte[] body, String header) {
        String signature = null;
        for (String part : header.split(",")) {
            int equals = part.indexOf('=');
            if (equals < 0) {
                return false;
            }
            String name = part.substring(0, equals).trim().toLowerCase(Locale.ROOT);
            String value = part.substring(equals + 1).trim();
            if (name.equals("algorithm") && !value.equalsIgnoreCase(ALGORITHM)) {
                return false;
            }
            if (name.equals("signature")) {
                if (signature != null) {
                    return false; // two signatures: which one counts is not for the sender to leave open
                }
                signature = value;
            }
        }
        return signature != null && hmac.matches(body, signature);
    }

    @Override
    public boolean hasSecrets() {
        return hmac.hasKeys();
    }

    /** The header Lightspeed is assumed to send for this body under this client secret (UTF-8 bytes as the key). */
    public static String header(byte[] body, byte[] key) {
        return "signature=" + HmacSha256.sign(body, key, DigestEncoding.HEX) + ",algorithm=" + ALGORITHM;
    }
}
