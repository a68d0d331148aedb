package io.fulfillmenthub.kit.persistence;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * One run of a retention job: deletes a table's rows past their retention in bounded batches, each its own
 * statement (a short transaction that locks at most one batch of rows), for as long as batches come full, on
 * one replica at a time ({@link OneReplicaAtATime}: a replica that finds another at it skips its turn). Every
 * deleted row is counted in {@code hub.retention.deleted.rows{table}} (Prometheus
 * {@code hub_retention_deleted_rows_total}).
 */
public final class RetentionRun {

    public static final String METRIC = "hub.retention.deleted.rows";

    private RetentionRun() {
    }

    /**
     * @param lock the advisory lock's name, unique in the service's database
     * @param table the table, as the metric's tag
     * @param batch deletes at most {@code batchSize} rows, answering how many it deleted
     * @return the rows deleted; 0 when another replica holds the lock
     */
    public static Uni<Long> run(Pool database, String lock, String table, MeterRegistry metrics, int batchSize,
            Supplier<Uni<Integer>> batch) {
        Counter deleted = Counter.builder(METRIC).description("rows deleted by a retention job").tag("table", table)
                .register(metrics);
        return OneReplicaAtATime.run(database, lock, () -> {
            AtomicLong total = new AtomicLong();
            // a loop, not a chain of nested Unis: a large backlog is thousands of batches
            return Multi.createBy().repeating().uni(() -> batch.get().invoke(count -> {
                        deleted.increment(count);
                        total.addAndGet(count);
                    }))
                    .whilst(count -> count >= batchSize)
                    .collect().last()
                    .map(last -> total.get());
        }, 0L);
    }
}
