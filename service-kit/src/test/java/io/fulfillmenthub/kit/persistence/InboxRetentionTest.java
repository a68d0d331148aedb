package io.fulfillmenthub.kit.persistence;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fulfillmenthub.kit.deadletter.DeadLetterConfig;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The inbox retention's configuration, as checked at start (the deletion itself: the services' tests, on PostgreSQL). */
class InboxRetentionTest {

    private static final DeadLetterConfig FOUR_WEEKS = deadLetters(Duration.ofDays(28));

    @Test
    void theDefaultsOutlastADeadLetterReplayedOnItsLastDay() {
        assertThatCode(() -> InboxRetention.check(inbox(Duration.ofDays(42), Duration.ofHours(1), 1000), FOUR_WEEKS))
                .doesNotThrowAnyException();
    }

    @Test
    void aRetentionADeadLetterReplayCouldOutliveStopsTheStartNamingBothKeys() {
        assertThatThrownBy(() -> InboxRetention.check(inbox(Duration.ofDays(28), Duration.ofHours(1), 1000), FOUR_WEEKS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("hub.inbox.retention (PT672H)")
                .hasMessageContaining("hub.dead-letter.retention (PT672H)");
    }

    @Test
    void aPeriodOrBatchThatIsNotPositiveStopsTheStartNamingTheKey() {
        assertThatThrownBy(() -> InboxRetention.check(inbox(Duration.ofDays(42), Duration.ZERO, 1000), FOUR_WEEKS))
                .hasMessageContaining("hub.inbox.retention-every");
        assertThatThrownBy(() -> InboxRetention.check(inbox(Duration.ofDays(-42), Duration.ofHours(1), 1000), FOUR_WEEKS))
                .hasMessageContaining("hub.inbox.retention ");
        assertThatThrownBy(() -> InboxRetention.check(inbox(Duration.ofDays(42), Duration.ofHours(1), 0), FOUR_WEEKS))
                .hasMessageContaining("hub.inbox.retention-batch-size");
    }

    private static InboxRetentionConfig inbox(Duration retention, Duration every, int batchSize) {
        return new InboxRetentionConfig() {
            @Override
            public Duration retention() {
                return retention;
            }

            @Override
            public Duration retentionEvery() {
                return every;
            }

            @Override
            public int retentionBatchSize() {
                return batchSize;
            }
        };
    }

    private static DeadLetterConfig deadLetters(Duration retention) {
        return new DeadLetterConfig() {
            @Override
            public Duration retention() {
                return retention;
            }

            @Override
            public int maxMessageBytes() {
                return 4194304;
            }
        };
    }
}
