package io.fulfillmenthub.orchestrator.messaging;

import io.fulfillmenthub.kit.messaging.CloudEventRecords;
import io.fulfillmenthub.kit.messaging.HubPublisher;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Publishes outbox rows in id order through {@link HubPublisher} and deletes them once the broker has
 * acked them, so the outbox holds only rows the broker has not acked yet. A delete costs PostgreSQL
 * less than marking the row sent did: no new copy of the row and no new index entries, only a dead
 * tuple for vacuum (V3 migration).
 * Single-flight: at most one run at a time in this service, so no row is published by two relays at
 * once and one order's messages leave in the order they were written (rows of one order are written
 * under its row lock, so their ids follow commit order). A wake-up while a run is under way makes that
 * run go round once more. Woken after each commit that wrote rows, and by a periodic tick as a backstop
 * (a lost wake-up, a failed publish, rows left by a crash).
 *
 * <p>A run pipelines its rows: it hands all of them to the producer in id order without waiting for
 * each broker ack, then waits for the acks. The producer is idempotent with acks=all and at most five
 * requests in flight, so records sent in order land on each partition in that order, retries included.
 * Only the rows up to the first failure (in id order) are deleted. The rows after it may already be
 * on the broker; they are published again in a later run with the same {@code ce_id}, and consumers
 * dedupe on it. An order's messages share a partition and usually a producer batch, which succeeds or
 * fails as a whole; a record refused on its own (e.g. too large) can be overtaken by the next message of
 * its order, and it stops the relay at that row until an operator deals with it, as before.
 *
 * <p>It reads and deletes rows with the reactive SQL client, outside any business transaction and
 * without holding a transaction open while it waits for the broker. A crash between the ack and the
 * delete publishes those rows again with the same {@code ce_id}; consumers dedupe on it.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    @Inject
    Pool database;

    @Inject
    HubPublisher publisher;

    @ConfigProperty(name = "hub.outbox.batch-size", defaultValue = "200")
    int batchSize;

    @ConfigProperty(name = "hub.outbox.publish-timeout", defaultValue = "PT15S")
    Duration publishTimeout;

    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean wokenDuringRun = new AtomicBoolean();
    private volatile boolean stopped;

    /** Starts a run unless one is under way, in which case that run goes round once more. */
    public void wake() {
        wokenDuringRun.set(true);
        if (!stopped && running.compareAndSet(false, true)) {
            runOnce();
        }
    }

    @Scheduled(every = "${hub.outbox.tick:5s}", delayed = "${hub.outbox.tick:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        wake();
    }

    void stop(@Observes ShutdownEvent event) {
        stopped = true;
    }

    private void runOnce() {
        wokenDuringRun.set(false);
        relayBatch().subscribe().with(published -> {
            if (!stopped && (published == batchSize || wokenDuringRun.get())) {
                runOnce();
            } else {
                finish();
            }
        }, failure -> {
            LOG.warnf("outbox relay: %s; the next tick tries again", failure.getMessage());
            finish();
        });
    }

    private void finish() {
        running.set(false);
        // a wake-up between the last check and the reset must not be lost
        if (wokenDuringRun.get() && !stopped && running.compareAndSet(false, true)) {
            runOnce();
        }
    }

    /** @return how many rows were published and deleted */
    Uni<Integer> relayBatch() {
        // every row in the outbox is still to be published; the primary key gives them in id order
        return database.preparedQuery("SELECT id, topic, message_key, ce_id, ce_type, ce_source, created_at, payload "
                + "FROM outbox ORDER BY id LIMIT $1")
                .execute(Tuple.of(batchSize))
                .chain(rows -> {
                    List<Row> unsent = new ArrayList<>();
                    rows.forEach(unsent::add);
                    return publishPipelined(unsent);
                })
                .chain(sent -> sent.isEmpty() ? Uni.createFrom().item(0)
                        : database.preparedQuery("DELETE FROM outbox WHERE id = ANY($1)")
                                .execute(Tuple.of(sent.toArray(new Long[0]))).replaceWith(sent.size()));
    }

    /** @return the ids of the rows up to the first one that failed, in id order */
    private Uni<List<Long>> publishPipelined(List<Row> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        // subscribing sends: one after the other here, so the producer gets the rows in id order
        List<Uni<Boolean>> acks = new ArrayList<>();
        for (Row row : rows) {
            CompletableFuture<Boolean> ack = publish(row).subscribeAsCompletionStage();
            acks.add(Uni.createFrom().completionStage(ack));
        }
        return Uni.join().all(acks).andFailFast().map(acked -> {
            List<Long> sent = new ArrayList<>();
            for (int i = 0; i < rows.size() && acked.get(i); i++) {
                sent.add(rows.get(i).getLong("id"));
            }
            return sent;
        });
    }

    /** @return whether the broker acknowledged the row; never fails */
    private Uni<Boolean> publish(Row row) {
        String key = row.getString("message_key");
        var record = CloudEventRecords.of(row.getString("topic"), row.getString("ce_id"), row.getString("ce_type"),
                URI.create(row.getString("ce_source")), row.getOffsetDateTime("created_at").toInstant(), key, key,
                row.getString("payload").getBytes(StandardCharsets.UTF_8));
        return publisher.publish(record).ifNoItem().after(publishTimeout).fail()
                .onItemOrFailure().transform((ok, failure) -> {
                    if (failure != null) {
                        LOG.warnf("outbox relay: publishing %s (%s) failed, will retry: %s", row.getString("ce_id"),
                                row.getString("ce_type"), failure.getMessage());
                        return false;
                    }
                    return true;
                });
    }
}
