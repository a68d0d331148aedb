package io.fulfillmenthub.orchestrator.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.fulfillmenthub.kit.persistence.InboxRetention;
import io.fulfillmenthub.kit.persistence.RetentionRun;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The retention jobs on the orchestrator's real database: the inbox (service-kit), the timelines of finished
 * orders and the dead-letter index. Each row's age is set in the row; the jobs run when the test calls them.
 * Defaults: inbox 42 days, timeline 180 days, dead letters 28 days.
 */
@QuarkusTest
class RetentionTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Pool database;

    @Inject
    InboxRetention inbox;

    @Inject
    HistoryRetention history;

    @Inject
    MeterRegistry metrics;

    @Inject
    Scheduler scheduler;

    private static OffsetDateTime daysAgo(int days) {
        return OffsetDateTime.now(ZoneOffset.UTC).minusDays(days);
    }

    @Test
    void bothJobsAreScheduled() {
        assertThat(scheduler.getScheduledJob("inbox-retention")).isNotNull();
        assertThat(scheduler.getScheduledJob("history-retention")).isNotNull();
    }

    // the inbox

    @Test
    void messageIdsHandledLongerAgoThanTheRetentionGoAndRecentOnesStay() {
        String consumer = "retention-test-" + UUID.randomUUID();
        processed(consumer, "older-than-retention", daysAgo(43));
        processed(consumer, "just-inside-retention", daysAgo(41));
        processed(consumer, "today", daysAgo(0));
        double before = deleted("processed_message");

        long deleted = inbox.deleteExpired().await().atMost(WAIT);

        assertThat(messageIds(consumer)).containsExactlyInAnyOrder("just-inside-retention", "today");
        assertThat(deleted).isGreaterThanOrEqualTo(1);
        assertThat(deleted("processed_message") - before).isEqualTo(deleted);
    }

    @Test
    void oneInboxBatchDeletesNoMoreThanItsLimitAndARunDeletesThemAll() {
        String consumer = "retention-test-" + UUID.randomUUID();
        for (int i = 0; i < 5; i++) {
            processed(consumer, "old-" + i, daysAgo(50));
        }
        OffsetDateTime cutoff = daysAgo(42);
        long oldBefore = count("SELECT count(*) FROM processed_message WHERE processed_at < $1", Tuple.of(cutoff));

        int deleted = inbox.deleteBatch(cutoff, 2).await().atMost(WAIT);

        assertThat(deleted).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM processed_message WHERE processed_at < $1", Tuple.of(cutoff)))
                .isEqualTo(oldBefore - 2);
        inbox.deleteExpired().await().atMost(WAIT);
        assertThat(messageIds(consumer)).isEmpty();
    }

    @Test
    void theInboxHasTheIndexItsRetentionDeletesBy() {
        assertThat(database.query("SELECT to_regclass('processed_message_by_processed_at')::text AS index").execute()
                .await().atMost(WAIT).iterator().next().getString("index")).isEqualTo("processed_message_by_processed_at");
    }

    // timelines

    @Test
    void theTimelineOfAnOrderFinishedLongAgoGoesButTheOrderStays() {
        String order = order("COMPLETED", daysAgo(200));
        timeline(order, daysAgo(210), daysAgo(200));
        double before = deleted("order_timeline");

        history.deleteExpiredTimelines().await().atMost(WAIT);

        assertThat(timelineOf(order)).isZero();
        assertThat(count("SELECT count(*) FROM orders WHERE hub_order_id = $1", Tuple.of(order))).isEqualTo(1);
        assertThat(deleted("order_timeline") - before).isGreaterThanOrEqualTo(2);
    }

    @Test
    void everyFinalStateCountsAsFinished() {
        String cancelled = order("CANCELLED", daysAgo(181));
        String failed = order("FAILED", daysAgo(181));
        timeline(cancelled, daysAgo(181));
        timeline(failed, daysAgo(181));

        history.deleteExpiredTimelines().await().atMost(WAIT);

        assertThat(timelineOf(cancelled)).isZero();
        assertThat(timelineOf(failed)).isZero();
    }

    @Test
    void aLiveOrdersHistoryStaysHoweverOld() {
        String onHold = order("ON_HOLD", daysAgo(400));
        String shipped = order("SHIPPED", daysAgo(400));
        timeline(onHold, daysAgo(400));
        timeline(shipped, daysAgo(401), daysAgo(400));

        history.deleteExpiredTimelines().await().atMost(WAIT);

        assertThat(timelineOf(onHold)).isEqualTo(1);
        assertThat(timelineOf(shipped)).isEqualTo(2);
    }

    @Test
    void theTimelineOfAnOrderFinishedRecentlyStays() {
        String order = order("COMPLETED", daysAgo(10));
        timeline(order, daysAgo(300), daysAgo(10));

        history.deleteExpiredTimelines().await().atMost(WAIT);

        assertThat(timelineOf(order)).isEqualTo(2);
    }

    @Test
    void aRecentEntryOnAnOldFinishedOrderKeepsItsWholeTimeline() {
        // e.g. a dead letter of it replayed last week: the order row did not change, its timeline did
        String order = order("CANCELLED", daysAgo(300));
        timeline(order, daysAgo(300), daysAgo(7));

        history.deleteExpiredTimelines().await().atMost(WAIT);

        assertThat(timelineOf(order)).isEqualTo(2);
    }

    @Test
    void oneTimelineBatchDeletesNoMoreThanItsLimit() {
        String order = order("COMPLETED", daysAgo(365));
        timeline(order, daysAgo(369), daysAgo(368), daysAgo(367), daysAgo(366), daysAgo(365));

        int deleted = history.deleteTimelineBatch(daysAgo(180), 2).await().atMost(WAIT);

        assertThat(deleted).isEqualTo(2);
        history.deleteExpiredTimelines().await().atMost(WAIT);
        assertThat(timelineOf(order)).isZero();
    }

    // the dead-letter index

    @Test
    void aReplayedDeadLetterOlderThanTheDeadLetterRetentionGoesOthersStay() {
        String topic = "retention-test.dlq." + UUID.randomUUID();
        deadLetter(topic, 0, daysAgo(30), daysAgo(29));
        deadLetter(topic, 1, daysAgo(30), null);
        deadLetter(topic, 2, daysAgo(20), daysAgo(19));
        deadLetter(topic, 3, daysAgo(1), null);
        double before = deleted("dead_letter");

        history.deleteExpiredDeadLetters().await().atMost(WAIT);

        // not replayed: the row is the record's only copy, kept until an operator replays it
        assertThat(offsets(topic)).containsExactly(1L, 2L, 3L);
        assertThat(deleted("dead_letter") - before).isGreaterThanOrEqualTo(1);
    }

    private void processed(String consumer, String messageId, OffsetDateTime at) {
        database.preparedQuery("INSERT INTO processed_message (consumer, message_id, processed_at) VALUES ($1, $2, $3)")
                .execute(Tuple.of(consumer, messageId, at)).await().atMost(WAIT);
    }

    private java.util.List<String> messageIds(String consumer) {
        java.util.List<String> ids = new java.util.ArrayList<>();
        database.preparedQuery("SELECT message_id FROM processed_message WHERE consumer = $1").execute(Tuple.of(consumer))
                .await().atMost(WAIT).forEach(row -> ids.add(row.getString("message_id")));
        return ids;
    }

    /** An order in {@code status}, last changed at {@code updatedAt}. */
    private String order(String status, OffsetDateTime updatedAt) {
        String order = "spresso:retention-" + UUID.randomUUID();
        database.preparedQuery("INSERT INTO orders (hub_order_id, storefront, source_order_id, order_number, "
                        + "shipping_address, placed_at, status, created_at, updated_at) "
                        + "VALUES ($1, 'SPRESSO', $1, '1001', '{}', $2, $3, $2, $4)")
                .execute(Tuple.of(order, updatedAt.minusDays(10), status, updatedAt)).await().atMost(WAIT);
        return order;
    }

    private void timeline(String order, OffsetDateTime... recordedAt) {
        for (OffsetDateTime at : recordedAt) {
            database.preparedQuery("INSERT INTO order_timeline (hub_order_id, occurred_at, recorded_at, fact_type, fact_id, "
                            + "note) VALUES ($1, $2, $2, 'hub.fact.test.v1', $3, 'a test entry')")
                    .execute(Tuple.of(order, at, UUID.randomUUID().toString())).await().atMost(WAIT);
        }
    }

    private long timelineOf(String order) {
        return count("SELECT count(*) FROM order_timeline WHERE hub_order_id = $1", Tuple.of(order));
    }

    private void deadLetter(String topic, long offset, OffsetDateTime deadLetteredAt, OffsetDateTime replayedAt) {
        database.preparedQuery("INSERT INTO dead_letter (dlq_topic, dlq_partition, dlq_offset, source_topic, "
                        + "consumer_group, dead_lettered_at, header_names, header_values, replayed_at, replay_count) "
                        + "VALUES ($1, 0, $2, 'retention-test', 'test', $3, '{}', '{}', $4, $5)")
                .execute(Tuple.of(topic, offset, deadLetteredAt, replayedAt, replayedAt == null ? 0 : 1))
                .await().atMost(WAIT);
    }

    private java.util.List<Long> offsets(String topic) {
        java.util.List<Long> offsets = new java.util.ArrayList<>();
        database.preparedQuery("SELECT dlq_offset FROM dead_letter WHERE dlq_topic = $1 ORDER BY dlq_offset")
                .execute(Tuple.of(topic)).await().atMost(WAIT).forEach(row -> offsets.add(row.getLong("dlq_offset")));
        return offsets;
    }

    private long count(String sql, Tuple arguments) {
        return database.preparedQuery(sql).execute(arguments).await().atMost(WAIT).iterator().next().getLong(0);
    }

    private double deleted(String table) {
        Counter counter = metrics.find(RetentionRun.METRIC).tag("table", table).counter();
        return counter == null ? 0 : counter.count();
    }
}
