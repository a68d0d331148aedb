package io.fulfillmenthub.sandbox.config;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The sandbox takes only credentials marked as sandbox credentials; the refusal names the key, never the
 * value. (Every {@code @QuarkusTest} of the sandbox starts with marked ones; deploy/local-stack's
 * SandboxCredentialsTest starts the packaged sandbox with an unmarked one and sees it refuse.)
 */
class SandboxCredentialMarksTest {

    private static final String MARKED_HEX = "73616e64626f782d746573742d73717561726573706163652d73656372657431";

    @Test
    void refusesACredentialNotMarkedNamingItsKeyAndNotItsValue() {
        assertThatThrownBy(() -> SandboxCredentialMarks.refuseUnmarked(Map.of(
                        "sandbox.spresso.client-secret", Optional.of("sandbox-fine"),
                        "sandbox.spod.api-secret", Optional.of("a-real-looking-secret")),
                Map.of("sandbox.squarespace.webhook-secret", Optional.of(MARKED_HEX))))
                .isInstanceOf(SandboxCredentialMarks.UnmarkedCredentialException.class)
                .hasMessageContaining("sandbox.spod.api-secret")
                .hasMessageNotContaining("sandbox.spresso.client-secret")
                .hasMessageNotContaining("a-real-looking-secret");
    }

    @Test
    void refusesAHexSecretThatDoesNotStartWithSandboxInHex() {
        assertThatThrownBy(() -> SandboxCredentialMarks.refuseUnmarked(Map.of(), Map.of("sandbox.squarespace.webhook-secret",
                Optional.of("5c0ca1f00d5c0ca1f00d5c0ca1f00d5c0ca1f00d5c0ca1f00d5c0ca1f00d5c0c"))))
                .hasMessageContaining("sandbox.squarespace.webhook-secret").hasMessageContaining("73616e64626f78");
    }

    @Test
    void takesMarkedCredentialsAndLeavesUnsetOnesToTheVendorsToRefuse() {
        assertThatCode(() -> SandboxCredentialMarks.refuseUnmarked(Map.of(
                        "sandbox.spresso.client-secret", Optional.of("sandbox-fine"),
                        "sandbox.lightspeed.personal-token", Optional.empty()),
                Map.of("sandbox.squarespace.webhook-secret", Optional.of(MARKED_HEX.toUpperCase()))))
                .doesNotThrowAnyException();
        assertThatCode(() -> SandboxCredentialMarks.refuseUnmarked(Map.of(), Map.of())).doesNotThrowAnyException();
    }

    @Test
    void theHexMarkIsSandboxInHex() {
        org.assertj.core.api.Assertions.assertThat(SandboxCredentialMarks.HEX_MARK).isEqualTo("73616e64626f78");
    }
}
