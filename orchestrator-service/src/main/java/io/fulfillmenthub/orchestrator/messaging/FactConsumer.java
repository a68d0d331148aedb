package io.fulfillmenthub.orchestrator.messaging;

import io.fulfillmenthub.kit.messaging.ConsumerConfig;
import io.fulfillmenthub.kit.messaging.LaneHolds;
import io.fulfillmenthub.kit.messaging.PartitionLanes;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Consumes the connectors' facts one poll at a time ({@code hub.facts.batch-size} records at most). The
 * service-kit's {@link PartitionLanes} splits each poll by partition and applies a partition's shares one
 * after the other, so one order's facts (one key, one partition) apply in the order they were published,
 * while other partitions' shares run at the same time (up to {@code hub.facts.polls-in-flight} polls).
 * A share's facts are applied in one transaction ({@link FactProcessing}).
 *
 * <p>What cannot be applied: the database being away is waited out, the share tried again until it
 * passes; a record that is not a CloudEvent, a type with no transition or data that does not read as
 * its type is dead-lettered at once to {@code fulfillment.facts.v1.dlq.orchestrator}; any other failure
 * (a fact about an order never received, a bug) after a few identical attempts. A dead letter holds its
 * order: the order's later facts follow it there until it is replayed. A refused transition is not a
 * failure: it is recorded on the order's timeline.
 */
@ApplicationScoped
public class FactConsumer {

    public static final String CONSUMER = "orchestrator";

    private final FactProcessing processing;
    private final PartitionLanes lanes;

    public FactConsumer(FactProcessing processing, ConsumerConfig consumer, Pool database, MeterRegistry metrics,
            @ConfigProperty(name = "hub.facts.polls-in-flight", defaultValue = "4") int pollsInFlight) {
        this.processing = processing;
        this.lanes = new PartitionLanes("facts", CONSUMER, pollsInFlight, consumer,
                LaneHolds.inDatabase(database, CONSUMER, consumer.holdRefresh()), metrics);
    }

    /** Completes once the poll has its place, not when it is applied: SmallRye hands over the next poll then. */
    @Incoming("facts")
    public Uni<Void> consume(KafkaRecordBatch<String, byte[]> batch) {
        return lanes.submit(batch, this::apply);
    }

    /** One transaction for the records that read as facts; answers the ones that could not be applied. */
    private Uni<Map<Message<byte[]>, Throwable>> apply(List<Message<byte[]>> records) {
        List<ConsumedFact> facts = new ArrayList<>();
        Map<Message<byte[]>, Throwable> failed = new IdentityHashMap<>();
        for (Message<byte[]> record : records) {
            try {
                facts.add(ConsumedFact.read(record));
            } catch (RuntimeException unreadable) {
                failed.put(record, unreadable);
            }
        }
        return processing.process(facts).map(notApplied -> {
            failed.putAll(notApplied);
            return failed;
        });
    }
}
