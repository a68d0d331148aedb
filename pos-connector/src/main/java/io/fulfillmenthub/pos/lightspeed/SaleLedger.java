package io.fulfillmenthub.pos.lightspeed;

import io.fulfillmenthub.pos.lightspeed.client.LightspeedSale;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The ledger of Lightspeed sales (table {@code lightspeed_sale}), one row per hub fulfillment, each statement its
 * own transaction: claimed before a sale is created, the sale recorded after, its last known status kept.
 */
@ApplicationScoped
public class SaleLedger {

    static final String FEED_MARK = "change-feed";

    /**
     * A row.
     *
     * @param saleId null until a sale is known
     * @param saleJson the sale as Lightspeed answered its creation (API 1.0 shape), for a void
     */
    public record Entry(String fulfillmentId, String hubOrderId, String mode, long feedAfter, String saleId, String saleStatus,
            String saleJson, boolean cancelledBeforeSale) {

        static Entry of(Row row) {
            return new Entry(row.getString("fulfillment_id"), row.getString("hub_order_id"), row.getString("mode"),
                    row.getLong("feed_after"), row.getString("sale_id"), row.getString("sale_status"), row.getString("sale_json"),
                    row.getBoolean("cancelled_before_sale"));
        }
    }

    private static final String COLUMNS = "fulfillment_id, hub_order_id, mode, feed_after, sale_id, sale_status, sale_json, "
            + "cancelled_before_sale";

    private final Pool database;

    public SaleLedger(Pool database) {
        this.database = database;
    }

    /** Claims the fulfillment for a new sale; empty when it was claimed before (the existing row is answered then). */
    public Uni<ClaimResult> claim(String fulfillmentId, String hubOrderId, String mode, String commandId) {
        return database.preparedQuery("INSERT INTO lightspeed_sale (fulfillment_id, hub_order_id, mode, command_id, feed_after) "
                        + "VALUES ($1, $2, $3, $4, COALESCE((SELECT version FROM lightspeed_feed_mark WHERE name = $5), 0)) "
                        + "ON CONFLICT (fulfillment_id) DO NOTHING RETURNING " + COLUMNS)
                .execute(Tuple.of(fulfillmentId, hubOrderId, mode, commandId, FEED_MARK))
                .chain(inserted -> inserted.size() > 0
                        ? Uni.createFrom().item(new ClaimResult(true, Entry.of(inserted.iterator().next())))
                        : find(fulfillmentId).map(existing -> new ClaimResult(false, existing.orElseThrow(
                                () -> new IllegalStateException("the ledger row of " + fulfillmentId + " vanished")))));
    }

    /** @param fresh whether this call claimed it */
    public record ClaimResult(boolean fresh, Entry entry) {
    }

    public Uni<Optional<Entry>> find(String fulfillmentId) {
        return database.preparedQuery("SELECT " + COLUMNS + " FROM lightspeed_sale WHERE fulfillment_id = $1")
                .execute(Tuple.of(fulfillmentId)).map(SaleLedger::first);
    }

    public Uni<Optional<Entry>> findBySale(String saleId) {
        return database.preparedQuery("SELECT " + COLUMNS + " FROM lightspeed_sale WHERE sale_id = $1")
                .execute(Tuple.of(saleId)).map(SaleLedger::first);
    }

    /**
     * Records the sale made (or found) for the fulfillment.
     *
     * @param saleJson the sale in the API 1.0 shape, as a void sends it back
     */
    public Uni<Void> saleKnown(String fulfillmentId, LightspeedSale sale, String saleJson) {
        return database.preparedQuery("UPDATE lightspeed_sale SET sale_id = $2, sale_status = $3, "
                        + "sale_json = COALESCE($4, sale_json), updated_at = now() WHERE fulfillment_id = $1")
                .execute(Tuple.of(fulfillmentId, sale.id(), sale.status(), saleJson))
                .replaceWithVoid();
    }

    /** The last status read of a sale. */
    public Uni<Void> status(String saleId, String status) {
        return database.preparedQuery("UPDATE lightspeed_sale SET sale_status = COALESCE($2, sale_status), updated_at = now() "
                + "WHERE sale_id = $1").execute(Tuple.of(saleId, status)).replaceWithVoid();
    }

    /**
     * A cancellation before any sale: the fulfillment is marked so that no sale is ever made for it (inserted when
     * no CreateSale came yet).
     */
    public Uni<Void> cancelledBeforeSale(String fulfillmentId, String hubOrderId) {
        return database.preparedQuery("INSERT INTO lightspeed_sale (fulfillment_id, hub_order_id, cancelled_before_sale) "
                        + "VALUES ($1, $2, true) ON CONFLICT (fulfillment_id) DO UPDATE SET cancelled_before_sale = true, "
                        + "updated_at = now() WHERE lightspeed_sale.sale_id IS NULL")
                .execute(Tuple.of(fulfillmentId, hubOrderId)).replaceWithVoid();
    }

    /** Lightspeed refused the create for good (no sale was made): a replay after a fix claims it afresh. */
    public Uni<Void> release(String fulfillmentId) {
        return database.preparedQuery("DELETE FROM lightspeed_sale WHERE fulfillment_id = $1 AND sale_id IS NULL "
                + "AND NOT cancelled_before_sale").execute(Tuple.of(fulfillmentId)).replaceWithVoid();
    }

    /** Moves the change feed's mark forward to what a search read. */
    public Uni<Void> feedRead(long version) {
        return database.preparedQuery("INSERT INTO lightspeed_feed_mark (name, version) VALUES ($1, $2) ON CONFLICT (name) "
                        + "DO UPDATE SET version = GREATEST(lightspeed_feed_mark.version, EXCLUDED.version)")
                .execute(Tuple.of(FEED_MARK, version)).replaceWithVoid();
    }

    /** Sales not yet closed or voided, least recently checked first; each one's check time is moved on. */
    public Uni<List<Entry>> takeOpen(int limit) {
        return database.preparedQuery("UPDATE lightspeed_sale SET updated_at = now() WHERE fulfillment_id IN ("
                        + "SELECT fulfillment_id FROM lightspeed_sale WHERE sale_id IS NOT NULL AND (sale_status IS NULL OR "
                        + "sale_status NOT IN ('PICKED_UP_CLOSED', 'DISPATCHED_CLOSED', 'VOIDED')) ORDER BY updated_at LIMIT $1) "
                        + "RETURNING " + COLUMNS)
                .execute(Tuple.of(limit)).map(rows -> {
                    List<Entry> entries = new ArrayList<>();
                    rows.forEach(row -> entries.add(Entry.of(row)));
                    return entries;
                });
    }

    private static Optional<Entry> first(io.vertx.mutiny.sqlclient.RowSet<Row> rows) {
        RowIterator<Row> found = rows.iterator();
        return found.hasNext() ? Optional.of(Entry.of(found.next())) : Optional.empty();
    }
}
