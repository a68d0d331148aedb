package io.fulfillmenthub.kit.messaging;

import io.fulfillmenthub.kit.deadletter.DeadLetterHeaders;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

/**
 * How a consumer's schedulers write a dead letter: the order's lane is held first, then the record is
 * nacked to the channel's dead-letter topic with the hub's headers (DESIGN.md, dead letters):
 * {@code hub-dead-letter-kind} ({@code contract}, {@code poison} or {@code held}),
 * {@code hub-dead-letter-group} and, for a held record, {@code hub-held-by}.
 */
final class DeadLetters {

    static final String KIND_HEADER = DeadLetterHeaders.KIND;
    static final String GROUP_HEADER = DeadLetterHeaders.GROUP;
    static final String HELD_BY_HEADER = DeadLetterHeaders.HELD_BY;
    static final String REPLAY_HEADER = DeadLetterHeaders.REPLAY_OF;

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    private final String channel;
    private final String consumer;
    private final LaneHolds holds;
    private final MeterRegistry metrics;

    DeadLetters(String channel, String consumer, LaneHolds holds, MeterRegistry metrics) {
        this.channel = channel;
        this.consumer = consumer;
        this.holds = holds;
        this.metrics = metrics;
    }

    /** The hold that keeps this record from running, unless it is the replay of the dead letter that holds its order. */
    Optional<LaneHolds.Hold> holding(Message<byte[]> record) {
        String key = key(record);
        return (key.isEmpty() ? Optional.<LaneHolds.Hold>empty() : holds.of(key))
                .filter(hold -> !(hold.heldBy().equals(ceId(record)) && header(record, REPLAY_HEADER).isPresent()));
    }

    /**
     * Dead-letters the held records among these, in order; answers the others. A record behind the replay
     * of the dead letter that holds its order, in the same records, is not held: it follows that replay
     * (and is applied after it, or fails waiting behind it).
     */
    Uni<List<Message<byte[]>>> heldOnes(List<Message<byte[]>> records) {
        List<Message<byte[]>> free = new ArrayList<>();
        List<Message<byte[]>> held = new ArrayList<>();
        Set<String> releasing = new HashSet<>();
        for (Message<byte[]> record : records) {
            String key = key(record);
            if (releasing.contains(key) || holding(record).isEmpty()) {
                free.add(record);
                if (!key.isEmpty() && holds.of(key).isPresent()) {
                    releasing.add(key);
                }
            } else {
                held.add(record);
            }
        }
        if (held.isEmpty()) {
            return Uni.createFrom().item(free);
        }
        return Multi.createFrom().iterable(held)
                .onItem().transformToUniAndConcatenate(record -> {
                    LaneHolds.Hold hold = holding(record).orElseThrow();
                    return write(record, "held", new HeldBehindDeadLetter(key(record), hold), hold.heldBy());
                })
                .collect().last().replaceWith(free);
    }

    /**
     * Lifts the hold of the record's order when the record is the replay of the dead letter that holds it.
     * Asked of the database for every replay that succeeded, not only when this replica's copy shows the
     * hold: another replica may have taken it since the copy was read.
     */
    Uni<Void> released(Message<byte[]> record) {
        String key = key(record);
        String ceId = ceId(record);
        return key.isEmpty() || ceId == null || header(record, REPLAY_HEADER).isEmpty() ? Uni.createFrom().voidItem()
                : holds.release(key, ceId);
    }

    /**
     * Holds the order's lane (unless the record is itself held), then nacks the record with the hub's
     * headers; completes once the dead-letter topic has it.
     */
    Uni<Void> write(Message<byte[]> record, String kind, Throwable reason, String heldBy) {
        String key = key(record);
        String ceId = ceId(record);
        Uni<Void> hold = key.isEmpty() || heldBy != null || ceId == null ? Uni.createFrom().voidItem()
                : holds.hold(key, ceId, kind + ": " + reason.getMessage());
        return hold.chain(() -> {
            LOG.warnf("%s: dead-lettering %s of %s (%s): %s", channel, describe(record), key, kind, reason.getMessage());
            Counter.builder("hub.consumer.dead.letters").tag("channel", channel).tag("kind", kind).register(metrics).increment();
            List<RecordHeader> headers = new ArrayList<>(List.of(header(KIND_HEADER, kind), header(GROUP_HEADER, consumer)));
            if (heldBy != null) {
                headers.add(header(HELD_BY_HEADER, heldBy));
            }
            return Uni.createFrom().completionStage(() -> record.nack(reason,
                    Metadata.of(OutgoingKafkaRecordMetadata.<String>builder().withHeaders(headers).build())));
        });
    }

    /** Why a record was dead-lettered without being tried: an earlier record of its order is. */
    static final class HeldBehindDeadLetter extends RuntimeException {
        HeldBehindDeadLetter(String key, LaneHolds.Hold hold) {
            super("held: order " + key + " waits for dead letter " + hold.heldBy() + " (" + hold.reason() + ")", null, false, false);
        }
    }

    static String key(Message<byte[]> record) {
        // records without a key (no hub order id was known) hold nothing
        return record.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(kafka -> kafka.getKey() == null ? "" : kafka.getKey().toString())
                .orElse("");
    }

    @SuppressWarnings("unchecked")
    static String ceId(Message<byte[]> record) {
        return record.getMetadata(IncomingCloudEventMetadata.class).map(ce -> ce.getId()).orElse(null);
    }

    static String describe(Message<byte[]> record) {
        String id = ceId(record);
        String name = id == null ? "a record" : id;
        return record.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(kafka -> name + " at " + kafka.getTopic() + "/" + kafka.getPartition() + "@" + kafka.getOffset())
                .orElse(name);
    }

    private static RecordHeader header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static Optional<String> header(Message<byte[]> record, String name) {
        return record.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(kafka -> kafka.getHeaders().lastHeader(name))
                .map(found -> new String(found.value(), StandardCharsets.UTF_8));
    }
}
