package io.fulfillmenthub.ingest.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpressoSignatureTest {

    // RFC 4231, test case 2: HMAC-SHA256 of "what do ya want for nothing?" keyed with "Jefe"
    private static final byte[] RFC_BODY = "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII);
    private static final String RFC_HEADER = Base64.getEncoder().encodeToString(
            HexFormat.of().parseHex("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"));

    private static final byte[] BODY = "{\"eventId\":\"evt-1\", \"order\":{\"id\":\"6114\"}}".getBytes(StandardCharsets.UTF_8);

    @Test
    void acceptsTheBase64HmacSha256OfTheRawBodyKeyedWithTheSecret() {
        assertThat(new SpressoSignature(List.of("Jefe")).matches(RFC_BODY, RFC_HEADER)).isTrue();
        assertThat(SpressoSignature.sign(RFC_BODY, "Jefe")).isEqualTo(RFC_HEADER);
    }

    @Test
    void acceptsASignatureMadeWithAnyConfiguredSecretSoASecretCanBeRotated() {
        SpressoSignature signature = new SpressoSignature(List.of("current", "previous"));

        assertThat(signature.matches(BODY, SpressoSignature.sign(BODY, "current"))).isTrue();
        assertThat(signature.matches(BODY, SpressoSignature.sign(BODY, "previous"))).isTrue();
        assertThat(signature.matches(BODY, SpressoSignature.sign(BODY, "retired"))).isFalse();
    }

    @Test
    void refusesASignatureOfOtherBytes() {
        SpressoSignature signature = new SpressoSignature(List.of("current"));
        byte[] changed = Arrays.copyOf(BODY, BODY.length);
        changed[changed.length - 3] = '5';
        // the same JSON, re-serialised without the space: the signature covers bytes, not meaning
        byte[] reserialised = "{\"eventId\":\"evt-1\",\"order\":{\"id\":\"6114\"}}".getBytes(StandardCharsets.UTF_8);

        assertThat(signature.matches(changed, SpressoSignature.sign(BODY, "current"))).isFalse();
        assertThat(signature.matches(reserialised, SpressoSignature.sign(BODY, "current"))).isFalse();
    }

    @Test
    void refusesAMissingBlankMalformedOrTruncatedHeader() {
        SpressoSignature signature = new SpressoSignature(List.of("current"));
        String valid = SpressoSignature.sign(BODY, "current");

        assertThat(signature.matches(BODY, null)).isFalse();
        assertThat(signature.matches(BODY, " ")).isFalse();
        assertThat(signature.matches(BODY, "not base64!")).isFalse();
        assertThat(signature.matches(BODY, valid.substring(0, 20))).isFalse();
        assertThat(signature.matches(BODY, HexFormat.of().formatHex(Base64.getDecoder().decode(valid)))).isFalse();
    }

    @Test
    void withNoSecretNothingMatchesAndBlankSecretsDoNotCount() {
        assertThat(new SpressoSignature(List.of()).matches(BODY, SpressoSignature.sign(BODY, "current"))).isFalse();
        assertThat(new SpressoSignature(List.of("", " ")).matches(BODY, SpressoSignature.sign(BODY, " "))).isFalse();
    }
}
