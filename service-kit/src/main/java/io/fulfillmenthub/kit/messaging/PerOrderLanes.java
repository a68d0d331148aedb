package io.fulfillmenthub.kit.messaging;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Lets a consumer work on many records at once without reordering any order's records. SmallRye hands a
 * consumer method that returns a Uni the next record only when the previous Uni completed, so each record
 * waited for the one before it (a broker ack, a vendor call), whatever its order. Here the Uni completes as
 * soon as the record has its place: records with the same Kafka key (the hub order id) run one after the
 * other in offset order, records of different keys at the same time, at most {@code maxInFlight} at once
 * (the next record, and with it the Kafka consumer, waits for a free place).
 * <p>
 * Each record is still settled by its own work (acked, or nacked to the dead-letter topic), now out of
 * offset order: the throttled commit strategy commits a partition's offset only once every record before
 * it was settled, so a crash redelivers whatever was not done, and a record left unsettled still marks the
 * channel unhealthy after 60 s.
 */
public final class PerOrderLanes {

    private static final Logger LOG = Logger.getLogger(PerOrderLanes.class);

    private final String channel;
    private final InFlightLimit places;
    /** The last record queued per key; a key's entry goes when its last record finishes. */
    private final Map<String, CompletableFuture<Void>> lastOfKey = new ConcurrentHashMap<>();

    public PerOrderLanes(String channel, int maxInFlight) {
        this.channel = channel;
        this.places = new InFlightLimit(maxInFlight);
    }

    /**
     * Queues the record's work behind the earlier records of its key; the Uni completes once it is queued,
     * not when the work is done. The work runs on the record's own Vert.x context, as it would have run
     * when called directly, and must settle the record on every path.
     */
    public Uni<Void> submit(Message<byte[]> message, Function<Message<byte[]>, Uni<Void>> work) {
        Executor onRecordContext = onContext(Vertx.currentContext());
        return places.acquire(onRecordContext).invoke(() -> queue(key(message), onRecordContext, () -> work.apply(message)));
    }

    private void queue(String key, Executor onRecordContext, Supplier<Uni<Void>> work) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        CompletableFuture<Void> before = lastOfKey.put(key, done);
        Runnable start = () -> Uni.createFrom().deferred(work::get).subscribe().with(
                settled -> finished(key, done),
                failure -> {
                    // the work settles its record on every path; if even that failed, the record stays
                    // unsettled and the throttled commit strategy reports the channel unhealthy
                    LOG.errorf(failure, "%s: a record of %s could not be settled", channel, key);
                    finished(key, done);
                });
        (before == null ? CompletableFuture.<Void>completedFuture(null) : before)
                .thenRun(() -> onRecordContext.execute(start));
    }

    private void finished(String key, CompletableFuture<Void> done) {
        lastOfKey.remove(key, done);
        done.complete(null);
        places.release();
    }

    private static String key(Message<byte[]> message) {
        // records without a key (no hub order id was known) keep their order among themselves
        return message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(kafka -> kafka.getKey() == null ? "" : kafka.getKey().toString())
                .orElse("");
    }

    private static Executor onContext(Context context) {
        return context == null ? Runnable::run : task -> context.runOnContext(ignored -> task.run());
    }
}
