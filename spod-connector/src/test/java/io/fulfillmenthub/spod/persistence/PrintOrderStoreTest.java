package io.fulfillmenthub.spod.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.fulfillmenthub.spod.translate.PrintLine;
import io.fulfillmenthub.spod.translate.ReportedState;
import io.fulfillmenthub.spod.translate.SpodProgress;
import io.fulfillmenthub.spod.translate.TrackedOrder;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The store against the real schema: what it writes is read back through SQL, in the columns' stored form. */
@QuarkusTest
class PrintOrderStoreTest {

    private static final List<PrintLine> LINES = List.of(new PrintLine("line-1", "812-4-2", 2),
            new PrintLine("line-2", "812-4-3", 1));
    private static final String LINES_JSON = "[{\"lineId\":\"line-1\",\"stockKeepingUnit\":\"812-4-2\",\"quantity\":2},"
            + "{\"lineId\":\"line-2\",\"stockKeepingUnit\":\"812-4-3\",\"quantity\":1}]";

    @Inject
    PrintOrderStore store;

    @Inject
    Pool database;

    @Test
    void aSubmitRecordsThePrintOrderWithItsLinesAsJson() {
        String hubOrderId = "spresso:" + UUID.randomUUID();
        String fulfillmentId = hubOrderId + "/f-1";

        assertThat(await(store.beginSubmit(UUID.randomUUID().toString(), fulfillmentId, fulfillmentId, hubOrderId, LINES))).isTrue();

        Row row = printOrder(fulfillmentId);
        assertThat(row.getString("hub_order_id")).isEqualTo(hubOrderId);
        assertThat(row.getString("lines")).isEqualTo(LINES_JSON);
        assertThat(row.getString("reported_state")).isEqualTo(ReportedState.SUBMITTED);
        assertThat(row.getString("reported_shipments")).isEqualTo("[]");
        assertThat(row.getOffsetDateTime("updated_at")).isEqualTo(row.getOffsetDateTime("created_at"));
        assertThat(await(store.tracked(List.of(fulfillmentId, "elsewhere-" + UUID.randomUUID()))))
                .containsOnlyKeys(fulfillmentId)
                .containsEntry(fulfillmentId, new TrackedOrder(fulfillmentId, hubOrderId, LINES, ReportedState.SUBMITTED, Set.of()));
        assertThat(await(store.tracked(List.of()))).isEmpty();
    }

    @Test
    void aCommandMarkedHandledIsNotBegunAgainAndMarkingItTwiceIsHarmless() {
        String commandId = UUID.randomUUID().toString();
        String fulfillmentId = "spresso:" + UUID.randomUUID() + "/f-1";
        assertThat(await(store.alreadyHandled(commandId))).isFalse();

        await(store.commandHandled(commandId, fulfillmentId, null));
        await(store.commandHandled(commandId, fulfillmentId, null));

        assertThat(await(store.alreadyHandled(commandId))).isTrue();
        assertThat(count("SELECT count(*) FROM processed_message WHERE consumer = $1 AND message_id = $2",
                Tuple.of(PrintOrderStore.CONSUMER, commandId))).isEqualTo(1);
        assertThat(await(store.beginSubmit(commandId, fulfillmentId, fulfillmentId, "spresso:x", LINES))).isFalse();
        assertThat(count("SELECT count(*) FROM print_order WHERE fulfillment_id = $1", Tuple.of(fulfillmentId))).isZero();
    }

    @Test
    void aSubmitAgainTracksTheNewLinesOnlyAfterSpodRejectedTheOrder() {
        String hubOrderId = "spresso:" + UUID.randomUUID();
        String fulfillmentId = hubOrderId + "/f-1";
        List<PrintLine> otherLines = List.of(new PrintLine("line-9", "999-1-1", 3));
        await(store.beginSubmit(UUID.randomUUID().toString(), fulfillmentId, fulfillmentId, hubOrderId, LINES));
        Row first = printOrder(fulfillmentId);

        // not rejected: a second submit keeps what the first recorded
        assertThat(await(store.beginSubmit(UUID.randomUUID().toString(), fulfillmentId, fulfillmentId, hubOrderId, otherLines))).isTrue();
        assertThat(printOrder(fulfillmentId).getString("lines")).isEqualTo(LINES_JSON);

        String rejectCommand = UUID.randomUUID().toString();
        await(store.commandHandled(rejectCommand, fulfillmentId, ReportedState.REJECTED));
        assertThat(printOrder(fulfillmentId).getString("reported_state")).isEqualTo(ReportedState.REJECTED);
        // a rejected order with a shipment on record, to see the new attempt start afresh
        await(store.reported(Map.of(fulfillmentId, new SpodProgress.Report(List.of(), ReportedState.REJECTED, Set.of("1Z1")))));

        assertThat(await(store.beginSubmit(UUID.randomUUID().toString(), fulfillmentId, fulfillmentId, "spresso:other", otherLines))).isTrue();

        Row resubmitted = printOrder(fulfillmentId);
        assertThat(resubmitted.getString("lines")).isEqualTo("[{\"lineId\":\"line-9\",\"stockKeepingUnit\":\"999-1-1\",\"quantity\":3}]");
        assertThat(resubmitted.getString("reported_state")).isEqualTo(ReportedState.SUBMITTED);
        assertThat(resubmitted.getString("reported_shipments")).isEqualTo("[]");
        assertThat(resubmitted.getString("hub_order_id")).isEqualTo(hubOrderId);
        assertThat(resubmitted.getOffsetDateTime("created_at")).isEqualTo(first.getOffsetDateTime("created_at"));
        assertThat(resubmitted.getOffsetDateTime("updated_at")).isAfter(first.getOffsetDateTime("updated_at"));
    }

    @Test
    void aPageOfReportsIsStoredForTheHubsOrdersOnlyAndASettlingCommandKeepsTheShipments() {
        String hubOrderId = "spresso:" + UUID.randomUUID();
        String sent = hubOrderId + "/f-1";
        String confirmed = hubOrderId + "/f-2";
        String foreign = "elsewhere-" + UUID.randomUUID();
        await(store.beginSubmit(UUID.randomUUID().toString(), sent, sent, hubOrderId, LINES));
        await(store.beginSubmit(UUID.randomUUID().toString(), confirmed, confirmed, hubOrderId, LINES));
        Map<String, SpodProgress.Report> reports = new LinkedHashMap<>();
        reports.put(sent, new SpodProgress.Report(List.of(), ReportedState.SENT, new LinkedHashSet<>(List.of("1Z999", "1Z998"))));
        reports.put(confirmed, new SpodProgress.Report(List.of(), ReportedState.CONFIRMED, Set.of()));
        reports.put(foreign, new SpodProgress.Report(List.of(), ReportedState.CONFIRMED, Set.of()));

        await(store.reported(reports));

        assertThat(printOrder(sent).getString("reported_state")).isEqualTo(ReportedState.SENT);
        assertThat(printOrder(sent).getString("reported_shipments")).isEqualTo("[\"1Z999\",\"1Z998\"]");
        assertThat(printOrder(confirmed).getString("reported_state")).isEqualTo(ReportedState.CONFIRMED);
        assertThat(printOrder(confirmed).getString("reported_shipments")).isEqualTo("[]");
        assertThat(count("SELECT count(*) FROM print_order WHERE fulfillment_id = $1", Tuple.of(foreign))).isZero();
        Map<String, TrackedOrder> tracked = await(store.tracked(List.of(sent, confirmed, foreign)));
        assertThat(tracked).containsOnlyKeys(sent, confirmed);
        assertThat(tracked.get(sent).reportedShipments()).containsExactlyInAnyOrder("1Z999", "1Z998");

        await(store.commandHandled(UUID.randomUUID().toString(), sent, ReportedState.CANCELED));

        assertThat(printOrder(sent).getString("reported_state")).isEqualTo(ReportedState.CANCELED);
        assertThat(await(store.tracked(List.of(sent))).get(sent).reportedShipments()).containsExactlyInAnyOrder("1Z999", "1Z998");
    }

    @Test
    void theCursorOnlyMovesForward() {
        // the poller tests share the cursor: it moves here by a millisecond only
        Instant current = await(store.cursor());

        await(store.advanceCursor(current.minusSeconds(60)));
        assertThat(await(store.cursor())).isEqualTo(current);

        Instant next = current.plusMillis(1);
        await(store.advanceCursor(next));
        assertThat(await(store.cursor())).isEqualTo(next);

        await(store.advanceCursor(current));
        assertThat(await(store.cursor())).isEqualTo(next);
        assertThat(count("SELECT count(*) FROM poll_cursor", Tuple.tuple())).isEqualTo(1);
    }

    private Row printOrder(String fulfillmentId) {
        RowIterator<Row> rows = await(database.preparedQuery("SELECT hub_order_id, lines, reported_state, reported_shipments, "
                + "created_at, updated_at FROM print_order WHERE fulfillment_id = $1").execute(Tuple.of(fulfillmentId))).iterator();
        assertThat(rows.hasNext()).as("print_order %s", fulfillmentId).isTrue();
        return rows.next();
    }

    private long count(String sql, Tuple parameters) {
        return await(database.preparedQuery(sql).execute(parameters)).iterator().next().getLong(0);
    }

    private static <T> T await(Uni<T> uni) {
        return uni.await().atMost(Duration.ofSeconds(10));
    }
}
