package io.fulfillmenthub.ingest.signature;

/** Scheme {@code hmac-sha256}: the header is the HMAC-SHA256 of the raw body, nothing else is tried. */
public final class HmacSha256Signature implements SignatureVerifier {

    public static final String SCHEME = "hmac-sha256";

    private final HmacSha256 hmac;

    public HmacSha256Signature(HmacSha256 hmac) {
        this.hmac = hmac;
    }

    @Override
    public boolean matchesRaw(byte[] body, String header) {
        return hmac.matches(body, header);
    }

    @Override
    public boolean hasSecrets() {
        return hmac.hasKeys();
    }
}
