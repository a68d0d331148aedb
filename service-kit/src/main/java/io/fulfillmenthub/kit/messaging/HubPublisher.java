package io.fulfillmenthub.kit.messaging;

import io.fulfillmenthub.contracts.Envelope;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaProducer;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.reactive.messaging.Channel;

/**
 * Publishes to Kafka through the service's one producer, the one the Kafka connector creates for the
 * channel {@value #CHANNEL} from {@code mp.messaging.outgoing.hub-out.*} (acks=all, idempotence,
 * linger, timeouts); each record carries its topic. The returned Uni completes only when the broker has
 * acknowledged the record with acks=all, and fails if it did not, so a caller never reports success
 * for a record that is not stored. It completes on the caller's Vert.x context, so a caller may go on
 * with the database (the reactive SQL client) in the same unit of work.
 *
 * <p>Records go to the connector's producer directly ({@link KafkaProducer#send}, which hands them to
 * the producer's sending thread in call order), not through a {@link MutinyEmitter}: the emitter path
 * (Message, metadata, the channel's stream, acks, context propagation) cost ingest 6 to 10 µs of CPU
 * per webhook out of about 55 ({@code ./run-benchmarks --only ingest}, old jar against new). The
 * emitter below is never sent through; it is what makes the connector create the channel and its
 * producer.
 */
@ApplicationScoped
public class HubPublisher {

    public static final String CHANNEL = "hub-out";

    @Inject
    @Channel(CHANNEL)
    MutinyEmitter<byte[]> channel;

    @Inject
    KafkaClientService kafkaClients;

    private volatile KafkaProducer<String, byte[]> producer;

    public Uni<Void> publish(Envelope<?> envelope) {
        return publish(CloudEventRecords.of(envelope));
    }

    /**
     * A record built with {@link CloudEventRecords}; sent when the returned Uni is subscribed to. The
     * returned Uni tells its subscriber at once that it is subscribed, so a caller's timeout
     * ({@code ifNoItem()}) counts from the call. The producer's own Uni does so only once its one sending
     * thread takes the record, and while the broker is away each record queued before it holds that
     * thread up to {@code max.block.ms}: the tenth webhook at once would wait ten of those before its
     * timeout even started.
     */
    public Uni<Void> publish(ProducerRecord<String, byte[]> record) {
        Context caller = Vertx.currentContext();
        Uni<Void> acknowledged = Uni.createFrom()
                .completionStage(() -> producer().send(record).subscribeAsCompletionStage())
                .replaceWithVoid();
        return caller == null ? acknowledged
                : acknowledged.emitOn(event -> caller.runOnContext(ignored -> event.run()));
    }

    private KafkaProducer<String, byte[]> producer() {
        KafkaProducer<String, byte[]> current = producer;
        if (current == null) {
            current = kafkaClients.getProducer(CHANNEL);
            if (current == null) {
                throw new IllegalStateException("the Kafka connector has no producer for channel " + CHANNEL);
            }
            producer = current;
        }
        return current;
    }
}
