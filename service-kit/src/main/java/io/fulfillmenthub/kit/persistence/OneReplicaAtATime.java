package io.fulfillmenthub.kit.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.function.Supplier;

/**
 * Work that one replica at a time may do, such as a poll of a vendor: it runs inside a transaction that first
 * takes a transaction-scoped advisory lock ({@code pg_try_advisory_xact_lock(hashtext(<lock>))}); a replica that
 * does not get it skips its turn, as another replica is doing the same work. Transaction-scoped because the
 * reactive pool hands out any of its connections: a session-level lock must be released on the connection that
 * took it, or it stays behind on a pooled connection and no replica works again; a transaction's lock ends with
 * the transaction, however the work ends, and with the session if the replica dies. The transaction only holds
 * the lock: the work uses other connections for its own statements, so while it waits on a vendor it holds no
 * snapshot and no transaction id, and holds back no vacuum. Should a replica lose its database session while its
 * work goes on, another may start the same work: it must be safe to do twice (the same fact ids, marks that only
 * move forward).
 */
public final class OneReplicaAtATime {

    private OneReplicaAtATime() {
    }

    /**
     * @param lock the lock's name, unique in the service's database, e.g. {@code spod-connector/order-poller}
     * @param skipped what the call answers when another replica holds the lock
     */
    public static <T> Uni<T> run(Pool database, String lock, Supplier<Uni<T>> work, T skipped) {
        return database.withTransaction(connection -> connection
                .preparedQuery("SELECT pg_try_advisory_xact_lock(hashtext($1)) AS held").execute(Tuple.of(lock))
                .chain(rows -> rows.iterator().next().getBoolean("held") ? work.get() : Uni.createFrom().item(skipped)));
    }
}
