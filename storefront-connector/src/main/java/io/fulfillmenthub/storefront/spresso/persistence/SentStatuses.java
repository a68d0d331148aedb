package io.fulfillmenthub.storefront.spresso.persistence;

import io.fulfillmenthub.contracts.commands.UpdateStorefrontFulfillmentStatus.Status;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * How far each Spresso fulfillment was moved (table {@code spresso_fulfillment_status}), so a status
 * command delivered again after the fulfillment moved on (a redelivery, a copy, a relay re-run) does not
 * move it back. The same status again is sent again: a repeat is harmless and answers an upsert lost in
 * flight.
 */
@ApplicationScoped
public class SentStatuses {

    private final Pool database;

    public SentStatuses(Pool database) {
        this.database = database;
    }

    /** Whether the fulfillment was already moved past {@code status}. */
    public Uni<Boolean> movedPast(String fulfillmentId, Status status) {
        return database.preparedQuery("SELECT 1 FROM spresso_fulfillment_status WHERE fulfillment_id = $1 AND status_rank > $2")
                .execute(Tuple.of(fulfillmentId, status.ordinal()))
                .map(rows -> rows.size() > 0);
    }

    /** Records it after Spresso accepted it; the furthest status stays. */
    public Uni<Void> record(String fulfillmentId, Status status, String commandId) {
        return database.preparedQuery("INSERT INTO spresso_fulfillment_status (fulfillment_id, status_rank, command_id) "
                        + "VALUES ($1, $2, $3) ON CONFLICT (fulfillment_id) DO UPDATE SET status_rank = EXCLUDED.status_rank, "
                        + "command_id = EXCLUDED.command_id, sent_at = now() "
                        + "WHERE spresso_fulfillment_status.status_rank < EXCLUDED.status_rank")
                .execute(Tuple.of(fulfillmentId, status.ordinal(), commandId))
                .replaceWithVoid();
    }
}
