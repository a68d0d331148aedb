package io.fulfillmenthub.orchestrator.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The service refuses to start without a key to verify tokens with and their issuer, naming each key. */
class TokenVerificationCheckTest {

    @Test
    void withoutAKeyOrAnIssuerTheStartIsRefusedNamingEach() {
        assertThat(TokenVerificationCheck.missing(config(Map.of()))).satisfiesExactly(
                key -> assertThat(key).startsWith("mp.jwt.verify.publickey.location (env MP_JWT_VERIFY_PUBLICKEY_LOCATION) is not set"),
                issuer -> assertThat(issuer).startsWith("mp.jwt.verify.issuer (env MP_JWT_VERIFY_ISSUER) is not set"));
        assertThat(TokenVerificationCheck.missing(config(Map.of("mp.jwt.verify.publickey.location", "  ",
                "mp.jwt.verify.issuer", "https://idp.example/")))).singleElement().asString()
                .startsWith("mp.jwt.verify.publickey.location");
    }

    @Test
    void aKeyFileThatIsNotThereOrIsADirectoryIsRefusedNamingIt(@TempDir Path dir) {
        for (String location : List.of(dir.resolve("missing.pem").toString(), dir.toString(), "file:" + dir)) {
            assertThat(TokenVerificationCheck.missing(config(Map.of("mp.jwt.verify.publickey.location", location,
                    "mp.jwt.verify.issuer", "https://idp.example/")))).singleElement().asString()
                    .startsWith("mp.jwt.verify.publickey.location (env MP_JWT_VERIFY_PUBLICKEY_LOCATION) names ")
                    .endsWith(", which is not a readable file");
        }
    }

    @Test
    void aKeyFileOrJwksUrlOrAnInlineKeyWithAnIssuerIsEnough(@TempDir Path dir) throws IOException {
        Path key = Files.writeString(dir.resolve("operations.pem"), "-----BEGIN PUBLIC KEY-----");
        assertThat(TokenVerificationCheck.missing(config(Map.of("mp.jwt.verify.publickey.location", key.toString(),
                "mp.jwt.verify.issuer", "https://idp.example/")))).isEmpty();
        assertThat(TokenVerificationCheck.missing(config(Map.of("mp.jwt.verify.publickey.location", "operations-test-public.pem",
                "mp.jwt.verify.issuer", "https://idp.example/")))).isEmpty();
        assertThat(TokenVerificationCheck.missing(config(Map.of("mp.jwt.verify.publickey.location",
                "https://idp.example/protocol/openid-connect/certs", "mp.jwt.verify.issuer", "https://idp.example/")))).isEmpty();
        assertThat(TokenVerificationCheck.missing(config(Map.of("mp.jwt.verify.publickey", "MIIBIjANBgkq...",
                "mp.jwt.verify.issuer", "https://idp.example/")))).isEmpty();
    }

    private static Config config(Map<String, String> values) {
        return new SmallRyeConfigBuilder().withDefaultValues(values).build();
    }
}
