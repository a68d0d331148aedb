package io.fulfillmenthub.orchestrator.deadletter;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Keeps the index of every dead letter of every consumer group: its own group reads every
 * {@code <topic>.dlq.<group>} topic (a pattern, so a new consumer's dead-letter topic joins by itself)
 * into {@code dead_letter}, one statement per poll. A dead letter read again changes nothing.
 *
 * <p>Any record is indexed, whatever it holds, so the only failure is the database's: the poll is written
 * again with back-off until it succeeds, and only then acked. It has no dead-letter topic of its own: that
 * would match its own pattern.
 */
@ApplicationScoped
public class DeadLetterIndex {

    public static final String CHANNEL = "dead-letters";

    private static final Logger LOG = Logger.getLogger(DeadLetterIndex.class);
    private static final Duration FIRST_RETRY = Duration.ofMillis(500);
    private static final Duration LAST_RETRY = Duration.ofSeconds(30);

    @Inject
    Pool database;

    @Inject
    DeadLetterRows rows;

    @Incoming(CHANNEL)
    public Uni<Void> consume(KafkaRecordBatch<String, byte[]> batch) {
        List<DeadLetter> letters = new ArrayList<>();
        for (KafkaRecord<String, byte[]> record : batch) {
            letters.add(read(record));
        }
        return Uni.createFrom().deferred(() -> rows.index(database, letters))
                .onFailure().invoke(failure -> LOG.warnf("cannot index %d dead letters yet, trying again: %s",
                        letters.size(), failure.getMessage()))
                .onFailure().retry().withBackOff(FIRST_RETRY, LAST_RETRY).withJitter(0.2).indefinitely()
                .chain(() -> Uni.createFrom().completionStage(batch.ack()));
    }

    @SuppressWarnings("unchecked")
    private static DeadLetter read(KafkaRecord<String, byte[]> record) {
        IncomingKafkaRecordMetadata<String, byte[]> kafka = record.getMetadata(IncomingKafkaRecordMetadata.class)
                .orElseThrow(() -> new IllegalStateException("not a Kafka record"));
        return DeadLetter.read(kafka.getTopic(), kafka.getPartition(), kafka.getOffset(), kafka.getTimestamp(),
                kafka.getKey(), record.getPayload(), kafka.getHeaders());
    }
}
