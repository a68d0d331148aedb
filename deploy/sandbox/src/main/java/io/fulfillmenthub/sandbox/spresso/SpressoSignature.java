package io.fulfillmenthub.sandbox.spresso;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Spresso's webhook signature: Base64 of HMAC-SHA256 over the exact body bytes, keyed with the client secret. */
public final class SpressoSignature {

    public static final String HEADER = "X-Spresso-Hmac-SHA256";

    private SpressoSignature() {}

    public static String sign(byte[] body, String clientSecret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(clientSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
