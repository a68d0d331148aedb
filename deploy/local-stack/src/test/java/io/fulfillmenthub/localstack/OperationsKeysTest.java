package io.fulfillmenthub.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local stack is the operations API's identity provider: one key pair per data directory, kept owner-readable,
 * the orchestrator told its public key and the issuer, and tokens it accepts: the operator's written for curl.
 */
class OperationsKeysTest {

    @TempDir
    Path data;

    @Test
    void theOperatorTokenHasBothRolesForThirtyDaysAndIsSignedWithTheKeyTheOrchestratorIsGiven() throws Exception {
        OperationsKeys keys = OperationsKeys.loadOrCreate(data);

        JwtClaims operator = verifier(keys.publicKey()).processToClaims(keys.operatorToken());
        assertThat(operator.getSubject()).isEqualTo("local-operator");
        assertThat(operator.getIssuer()).isEqualTo("https://localhost/fulfillment-hub/local");
        assertThat(operator.getStringListClaimValue("groups")).containsExactlyInAnyOrder("hub-viewer", "hub-operator");
        Instant expires = Instant.ofEpochSecond(operator.getExpirationTime().getValue());
        assertThat(Duration.between(Instant.now(), expires)).isBetween(Duration.ofDays(30).minusMinutes(5), Duration.ofDays(30));

        JwtClaims viewer = verifier(keys.publicKey()).processToClaims(keys.viewerToken());
        assertThat(viewer.getSubject()).isEqualTo("local-viewer");
        assertThat(viewer.getStringListClaimValue("groups")).containsExactly("hub-viewer");

        assertThat(Files.readString(data.resolve("operator-token")).trim()).isEqualTo(keys.operatorToken());
        assertThat(keys.orchestratorEnvironment())
                .containsEntry("MP_JWT_VERIFY_PUBLICKEY_LOCATION", keys.publicKey().toString())
                .containsEntry("MP_JWT_VERIFY_ISSUER", "https://localhost/fulfillment-hub/local")
                .containsEntry("QUARKUS_SWAGGER_UI_ENABLE", "true");
        assertThat(keys.publicKey()).isAbsolute().isRegularFile();
    }

    @Test
    void theKeyIsMadeOncePerDataDirectoryAndOnlyItsOwnerCanReadIt() throws Exception {
        OperationsKeys first = OperationsKeys.loadOrCreate(data);
        OperationsKeys again = OperationsKeys.loadOrCreate(data);
        OperationsKeys other = OperationsKeys.loadOrCreate(data.resolve("other"));

        assertThat(Files.readString(again.publicKey())).isEqualTo(Files.readString(first.publicKey()));
        // a token of an earlier start still verifies after a restart; another data directory's does not
        verifier(again.publicKey()).processToClaims(first.operatorToken());
        assertThatThrownBy(() -> verifier(other.publicKey()).processToClaims(first.operatorToken()))
                .isInstanceOf(InvalidJwtException.class);
        for (Path file : new Path[] {data.resolve("operations/signing-key.pem"), data.resolve("operations/public-key.pem"),
                data.resolve("operator-token")}) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).as(file.toString())
                    .isEqualTo("rw-------");
        }
    }

    @Test
    void aTokenSignedWithAnotherKeyIsNotTheStacks() throws Exception {
        OperationsKeys keys = OperationsKeys.loadOrCreate(data);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String forged = OperationsKeys.sign(generator.generateKeyPair().getPrivate(), "local-operator",
                java.util.List.of("hub-operator"));
        assertThatThrownBy(() -> verifier(keys.publicKey()).processToClaims(forged)).isInstanceOf(InvalidJwtException.class);
    }

    private static JwtConsumer verifier(Path publicKey) throws Exception {
        return new JwtConsumerBuilder().setExpectedIssuer("https://localhost/fulfillment-hub/local").setRequireSubject()
                .setRequireExpirationTime().setVerificationKey(OperationsKeys.readPublicKey(publicKey)).build();
    }
}
