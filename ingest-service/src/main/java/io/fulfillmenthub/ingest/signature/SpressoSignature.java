package io.fulfillmenthub.ingest.signature;

import io.fulfillmenthub.ingest.config.IngestConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.logging.Logger;

/**
 * Spresso's webhook signature: header {@value #HEADER} = Base64(HMAC-SHA256(raw body, client secret)).
 * Every configured secret is tried, so a secret can be rotated without refusing webhooks signed with the
 * previous one. [unknown] the key is taken as the UTF-8 bytes of the secret. Which bytes the HMAC covers is
 * [unknown] too (VENDOR-FACTS.md): the service checks the raw body first, then its compact
 * re-serialisation; this class only says whether given bytes match.
 */
@Singleton
public class SpressoSignature {

    public static final String HEADER = "X-Spresso-Hmac-SHA256";

    private static final Logger LOG = Logger.getLogger(SpressoSignature.class);
    private static final String ALGORITHM = "HmacSHA256";

    private final List<SecretKeySpec> keys;

    @Inject
    SpressoSignature(IngestConfig config) {
        this(config.spresso().secrets().orElse(List.of()));
    }

    /** Blank secrets are ignored: an empty key would let anyone sign. */
    public SpressoSignature(List<String> secrets) {
        keys = secrets.stream()
                .filter(secret -> secret != null && !secret.isBlank())
                .map(secret -> new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM))
                .toList();
    }

    void warnWhenNoSecret(@Observes StartupEvent started) {
        if (keys.isEmpty()) {
            LOG.warn("no Spresso secret configured (hub.ingest.spresso.secrets): every Spresso webhook is refused with 401");
        }
    }

    /** True when the header is the signature of these bytes under any one of the configured secrets. */
    public boolean matches(byte[] body, String header) {
        if (header == null || header.isBlank() || keys.isEmpty()) {
            return false;
        }
        byte[] claimed;
        try {
            claimed = Base64.getDecoder().decode(header.trim());
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        boolean matched = false;
        // every key is tried, so the time taken does not tell which one matched
        for (SecretKeySpec key : keys) {
            matched |= MessageDigest.isEqual(hmac(key, body), claimed);
        }
        return matched;
    }

    /** The header value Spresso sends for this body, signed with this secret. */
    public static String sign(byte[] body, String secret) {
        return Base64.getEncoder().encodeToString(
                hmac(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM), body));
    }

    private static byte[] hmac(SecretKeySpec key, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
