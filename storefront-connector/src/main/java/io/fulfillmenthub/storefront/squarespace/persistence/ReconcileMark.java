package io.fulfillmenthub.storefront.squarespace.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/** The reconciliation poller's high-water mark (table {@code squarespace_reconcile_mark}); it only moves forward. */
@ApplicationScoped
public class ReconcileMark {

    private static final String ORDERS = "orders";

    private final Pool database;

    public ReconcileMark(Pool database) {
        this.database = database;
    }

    public Uni<Optional<Instant>> read() {
        return database.preparedQuery("SELECT modified_after FROM squarespace_reconcile_mark WHERE name = $1")
                .execute(Tuple.of(ORDERS))
                .map(rows -> {
                    RowIterator<Row> found = rows.iterator();
                    return found.hasNext() ? Optional.of(found.next().getOffsetDateTime("modified_after").toInstant())
                            : Optional.empty();
                });
    }

    public Uni<Void> advance(Instant to) {
        return database.preparedQuery("INSERT INTO squarespace_reconcile_mark (name, modified_after) VALUES ($1, $2) "
                        + "ON CONFLICT (name) DO UPDATE SET modified_after = GREATEST(squarespace_reconcile_mark.modified_after, "
                        + "EXCLUDED.modified_after), updated_at = now()")
                .execute(Tuple.of(ORDERS, OffsetDateTime.ofInstant(to, ZoneOffset.UTC)))
                .replaceWithVoid();
    }
}
