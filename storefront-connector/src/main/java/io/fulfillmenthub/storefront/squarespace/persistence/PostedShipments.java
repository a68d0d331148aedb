package io.fulfillmenthub.storefront.squarespace.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The ledger of Squarespace shipments (table {@code squarespace_shipment_posted}), keyed by the hub's shipment id:
 * claimed before the fulfillment call (each statement its own transaction), marked posted after it. A fulfillment
 * handed over without shipments (a store pickup) has a row of its own, with no tracking number
 * ({@code SquarespaceFulfilledWithoutShipments}).
 */
@ApplicationScoped
public class PostedShipments {

    /** What the ledger knew of a shipment when it was claimed. */
    public enum Claim {
        /** Never claimed before: call Squarespace. */
        NEW,
        /** Claimed before but never marked posted: the call may have reached Squarespace; read the order first. */
        UNCERTAIN,
        /** Posted: do not call again. */
        POSTED
    }

    private final Pool database;

    public PostedShipments(Pool database) {
        this.database = database;
    }

    public Uni<Claim> claim(String shipmentId, String orderId, String trackingNumber, String commandId) {
        return database.preparedQuery("INSERT INTO squarespace_shipment_posted (shipment_id, order_id, tracking_number, command_id) "
                        + "VALUES ($1, $2, $3, $4) ON CONFLICT (shipment_id) DO NOTHING RETURNING shipment_id")
                .execute(Tuple.of(shipmentId, orderId, trackingNumber, commandId))
                .chain(inserted -> inserted.size() > 0 ? Uni.createFrom().item(Claim.NEW)
                        : database.preparedQuery("SELECT posted_at FROM squarespace_shipment_posted WHERE shipment_id = $1")
                                .execute(Tuple.of(shipmentId))
                                .map(rows -> {
                                    RowIterator<Row> found = rows.iterator();
                                    // released meanwhile (a refusal on another replica): claimed again on the next attempt
                                    return found.hasNext() && found.next().getValue("posted_at") != null ? Claim.POSTED
                                            : Claim.UNCERTAIN;
                                }));
    }

    public Uni<Void> posted(String shipmentId) {
        return database.preparedQuery("UPDATE squarespace_shipment_posted SET posted_at = now() WHERE shipment_id = $1")
                .execute(Tuple.of(shipmentId)).replaceWithVoid();
    }

    /** Squarespace refused the shipment for good (nothing was added): a replay after a fix claims it afresh. */
    public Uni<Void> release(String shipmentId) {
        return database.preparedQuery("DELETE FROM squarespace_shipment_posted WHERE shipment_id = $1 AND posted_at IS NULL")
                .execute(Tuple.of(shipmentId)).replaceWithVoid();
    }
}
