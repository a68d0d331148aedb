package io.fulfillmenthub.ingest.signature;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Scheme {@code spresso}: HMAC-SHA256 over the raw body; when that does not match, over the compact
 * re-serialisation of the parsed body. [unknown] Spresso documents an HMAC "over the body", and its sample
 * computes it over {@code JSON.stringify(req.body)} (VENDOR-FACTS.md): the raw bytes are tried first, so
 * the usual path costs nothing more.
 */
public final class SpressoSignature implements SignatureVerifier {

    public static final String SCHEME = "spresso";

    private static final ObjectWriter COMPACT = JsonMapper.builder().build().writer();

    private final HmacSha256 hmac;

    public SpressoSignature(HmacSha256 hmac) {
        this.hmac = hmac;
    }

    /** Spresso's keys as configured today: [unknown] the UTF-8 bytes of each secret; the digest in Base64. */
    public SpressoSignature(List<String> secrets) {
        this(new HmacSha256(secrets.stream()
                .filter(secret -> secret != null && !secret.isBlank())
                .map(secret -> secret.getBytes(StandardCharsets.UTF_8))
                .toList(), DigestEncoding.BASE64));
    }

    @Override
    public boolean matchesRaw(byte[] body, String header) {
        return hmac.matches(body, header);
    }

    @Override
    public boolean matchesParsed(JsonNode body, String header) {
        byte[] compact = body == null ? null : compact(body);
        return compact != null && hmac.matches(compact, header);
    }

    /**
     * The compact form: a retry Spresso writes out again (other whitespace, [unknown] whether it ever does) is the
     * same webhook, and a webhook whose signature matched only in compact form is that form.
     */
    @Override
    public byte[] deliveryContent(byte[] raw, JsonNode parsed) {
        byte[] compact = parsed == null ? null : compact(parsed);
        return compact == null ? raw : compact;
    }

    @Override
    public boolean hasSecrets() {
        return hmac.hasKeys();
    }

    /** True when the header is the signature of these bytes under any one of the secrets. */
    public boolean matches(byte[] bytes, String header) {
        return hmac.matches(bytes, header);
    }

    /** The header value Spresso sends for this body, signed with this secret. */
    public static String sign(byte[] body, String secret) {
        return HmacSha256.sign(body, secret.getBytes(StandardCharsets.UTF_8), DigestEncoding.BASE64);
    }

    /**
     * The body as {@code JSON.stringify} writes it: no whitespace, keys in the order received; null when it cannot
     * be written as UTF-8 (a lone surrogate such as {@code "\ud800"} parses, but has no UTF-8 form).
     */
    static byte[] compact(JsonNode body) {
        try {
            return COMPACT.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
