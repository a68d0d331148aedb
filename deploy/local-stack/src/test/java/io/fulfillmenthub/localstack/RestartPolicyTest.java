package io.fulfillmenthub.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RestartPolicyTest {

    private final RestartPolicy policy = RestartPolicy.ON_FAILURE;

    @Test
    void theWaitDoublesWithEachFailureInARowUpToTheCap() {
        assertThat(IntStream.rangeClosed(1, 8).mapToObj(policy::delay).map(Duration::toSeconds))
                .containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L);
        assertThat(policy.delay(10_000)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aServiceThatKeepsDyingRightAfterStartKeepsCountingItsFailures() {
        int failures = 0;
        for (int i = 0; i < 6; i++) {
            failures = policy.failuresInARow(failures, Duration.ofSeconds(5));
        }
        assertThat(failures).isEqualTo(6);
        assertThat(policy.delay(failures)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aRunThatStayedUpStartsTheSeriesAgain() {
        assertThat(policy.failuresInARow(6, Duration.ofMinutes(2))).isEqualTo(1);
        assertThat(policy.delay(policy.failuresInARow(6, Duration.ofMinutes(2)))).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void onlyAFailureIsRestartedAndNeverRestartsNothing() {
        assertThat(policy.restarts(0)).isFalse();
        assertThat(policy.restarts(1)).isTrue();
        assertThat(policy.restarts(137)).as("SIGKILL").isTrue();
        assertThat(policy.restarts(3)).as("exit on OutOfMemoryError").isTrue();
        assertThat(RestartPolicy.NEVER.restarts(137)).isFalse();
    }

    @Test
    void aCapShorterThanTheFirstWaitIsRefusedNamingBoth() {
        assertThatThrownBy(() -> new RestartPolicy(true, Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofMinutes(1)))
                .hasMessageContaining("maxDelay").hasMessageContaining("firstDelay");
    }
}
