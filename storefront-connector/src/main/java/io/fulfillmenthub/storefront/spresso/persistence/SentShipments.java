package io.fulfillmenthub.storefront.spresso.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The Spresso shipments sent as {@code shipped} (table {@code spresso_shipment_sent}), keyed as Spresso keys
 * them: fulfillment and tracking number. {@code shipped} e-mails the customer, so it goes once per shipment.
 */
@ApplicationScoped
public class SentShipments {

    private final Pool database;

    public SentShipments(Pool database) {
        this.database = database;
    }

    public Uni<Boolean> wasSent(String fulfillmentId, String trackingNumber) {
        return database.preparedQuery("SELECT 1 FROM spresso_shipment_sent WHERE fulfillment_id = $1 AND tracking_number = $2")
                .execute(Tuple.of(fulfillmentId, trackingNumber))
                .map(rows -> rows.size() > 0);
    }

    /** Records it after Spresso accepted it; a second record of the same shipment changes nothing. */
    public Uni<Void> record(String fulfillmentId, String trackingNumber, String commandId) {
        return database.preparedQuery("INSERT INTO spresso_shipment_sent (fulfillment_id, tracking_number, command_id) "
                        + "VALUES ($1, $2, $3) ON CONFLICT DO NOTHING")
                .execute(Tuple.of(fulfillmentId, trackingNumber, commandId))
                .replaceWithVoid();
    }
}
