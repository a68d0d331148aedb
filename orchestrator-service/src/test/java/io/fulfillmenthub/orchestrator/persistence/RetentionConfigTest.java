package io.fulfillmenthub.orchestrator.persistence;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fulfillmenthub.kit.deadletter.DeadLetterConfig;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The orchestrator's retention configuration, as checked at start. */
class RetentionConfigTest {

    @Test
    void theDefaultsPass() {
        assertThatCode(() -> HistoryRetention.check(timeline(Duration.ofDays(180), Duration.ofHours(1), 1000),
                deadLetters(Duration.ofDays(28)))).doesNotThrowAnyException();
    }

    @Test
    void aValueThatIsNotPositiveStopsTheStartNamingTheKey() {
        assertThatThrownBy(() -> HistoryRetention.check(timeline(Duration.ZERO, Duration.ofHours(1), 1000),
                deadLetters(Duration.ofDays(28)))).hasMessageStartingWith("hub.timeline.retention must");
        assertThatThrownBy(() -> HistoryRetention.check(timeline(Duration.ofDays(180), Duration.ofHours(-1), 1000),
                deadLetters(Duration.ofDays(28)))).hasMessageStartingWith("hub.timeline.retention-every must");
        assertThatThrownBy(() -> HistoryRetention.check(timeline(Duration.ofDays(180), Duration.ofHours(1), 0),
                deadLetters(Duration.ofDays(28)))).hasMessageStartingWith("hub.timeline.retention-batch-size must");
        assertThatThrownBy(() -> HistoryRetention.check(timeline(Duration.ofDays(180), Duration.ofHours(1), 1000),
                deadLetters(Duration.ZERO))).hasMessageStartingWith("hub.dead-letter.retention must");
    }

    private static TimelineRetentionConfig timeline(Duration retention, Duration every, int batchSize) {
        return new TimelineRetentionConfig() {
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
