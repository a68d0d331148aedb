package io.fulfillmenthub.kit.messaging;

import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Notices when a partition's records may have been consumed elsewhere since this consumer last saw it:
 * the partition is new here, or its offsets jump (a rebalance took it away and gave it back). Another
 * replica may have held an order of it meanwhile, so the lanes read the holds again then, rather than
 * trust a cached copy up to {@code hub.consumer.hold-refresh} old.
 */
final class PartitionArrivals {

    private final Map<String, Long> lastOffset = new ConcurrentHashMap<>();

    /** Records the message's position; true when it does not follow the last one this consumer saw. */
    boolean arrivedFromElsewhere(Message<?> message) {
        Optional<IncomingKafkaRecordMetadata> metadata = message.getMetadata(IncomingKafkaRecordMetadata.class);
        if (metadata.isEmpty()) {
            return false;
        }
        return arrivedFromElsewhere(metadata.get().getTopic(), metadata.get().getPartition(), metadata.get().getOffset());
    }

    boolean arrivedFromElsewhere(String topic, int partition, long offset) {
        Long before = lastOffset.put(topic + "/" + partition, offset);
        return before == null || offset != before + 1;
    }
}
