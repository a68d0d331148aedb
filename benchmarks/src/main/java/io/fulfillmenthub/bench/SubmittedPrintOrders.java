package io.fulfillmenthub.bench;

import io.fulfillmenthub.contracts.CloudEventHeaders;
import io.fulfillmenthub.contracts.MessageTypes;
import io.fulfillmenthub.contracts.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads {@code fulfillment.commands.spod.v1} from its end, as an outside consumer, and counts the
 * distinct {@code SubmitPrintOrder} commands (by {@code ce_id}) for orders whose id starts with a prefix.
 */
final class SubmittedPrintOrders implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final Set<String> seen = new HashSet<>();
    private long lastNanos;

    /** Positioned at the end of every partition before it returns, so only what follows counts. */
    SubmittedPrintOrders(String bootstrapServers) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.COMMANDS_SPOD).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
    }

    /**
     * Reads until {@code expected} commands for the prefix were seen or the deadline passed.
     *
     * @return how many were seen
     */
    int await(String orderIdPrefix, int expected, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String submit = MessageTypes.SUBMIT_PRINT_ORDER.ceType();
        while (seen.size() < expected && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                if (record.key() != null && record.key().startsWith(orderIdPrefix)
                        && submit.equals(header(record, CloudEventHeaders.TYPE))
                        && seen.add(header(record, CloudEventHeaders.ID))) {
                    lastNanos = System.nanoTime();
                }
            }
        }
        return seen.size();
    }

    /** {@link System#nanoTime()} when the last new command was read. */
    long lastNanos() {
        return lastNanos;
    }

    @Override
    public void close() {
        consumer.close();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
