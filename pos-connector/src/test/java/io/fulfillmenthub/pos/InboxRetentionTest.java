package io.fulfillmenthub.pos;

import static org.assertj.core.api.Assertions.assertThat;

import io.fulfillmenthub.kit.persistence.InboxRetention;
import io.fulfillmenthub.kit.persistence.RetentionRun;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The service kit's inbox retention job runs in this connector, on its own database (default: 42 days). */
@QuarkusTest
class InboxRetentionTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Pool database;

    @Inject
    InboxRetention retention;

    @Inject
    MeterRegistry metrics;

    @Test
    void theConnectorsInboxForgetsMessageIdsPastTheRetentionAndKeepsTheRest() {
        String consumer = "retention-test-" + UUID.randomUUID();
        processed(consumer, "older-than-retention", 43);
        processed(consumer, "inside-retention", 41);
        processed(consumer, "today", 0);
        double before = deleted();

        long deleted = retention.deleteExpired().await().atMost(WAIT);

        assertThat(messageIds(consumer)).containsExactlyInAnyOrder("inside-retention", "today");
        assertThat(deleted).isGreaterThanOrEqualTo(1);
        assertThat(deleted() - before).isEqualTo(deleted);
        assertThat(database.query("SELECT to_regclass('processed_message_by_processed_at')::text AS index").execute()
                .await().atMost(WAIT).iterator().next().getString("index")).isEqualTo("processed_message_by_processed_at");
    }

    private void processed(String consumer, String messageId, int daysAgo) {
        database.preparedQuery("INSERT INTO processed_message (consumer, message_id, processed_at) VALUES ($1, $2, $3)")
                .execute(Tuple.of(consumer, messageId, OffsetDateTime.now(ZoneOffset.UTC).minusDays(daysAgo)))
                .await().atMost(WAIT);
    }

    private List<String> messageIds(String consumer) {
        List<String> ids = new ArrayList<>();
        database.preparedQuery("SELECT message_id FROM processed_message WHERE consumer = $1").execute(Tuple.of(consumer))
                .await().atMost(WAIT).forEach(row -> ids.add(row.getString("message_id")));
        return ids;
    }

    private double deleted() {
        Counter counter = metrics.find(RetentionRun.METRIC).tag("table", InboxRetention.TABLE).counter();
        return counter == null ? 0 : counter.count();
    }
}
