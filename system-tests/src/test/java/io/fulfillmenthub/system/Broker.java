package io.fulfillmenthub.system;

import io.fulfillmenthub.contracts.CloudEventHeaders;
import io.fulfillmenthub.contracts.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The hub's topics as an operator reads and writes them: what is on a topic for an order, a record
 * published again exactly as it was (as a producer retry or a relay re-run would), how far a consumer
 * group has committed, and what the dead-letter topics hold.
 */
final class Broker {

    private final String bootstrapServers;

    Broker(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** Every record on the topic with this key, from the beginning, in offset order per partition. */
    List<ConsumerRecord<String, byte[]>> records(String topic, String key) {
        return records(topic, List.of(key));
    }

    /** Every record on the topic whose key is one of these, read from the beginning to the current end. */
    List<ConsumerRecord<String, byte[]>> records(String topic, Collection<String> keys) {
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))
                            && keys.contains(record.key())) {
                        found.add(record);
                    }
                }
            }
        }
        return found;
    }

    /** Every dead letter any consumer of the hub wrote for these orders (keys). */
    List<ConsumerRecord<String, byte[]>> deadLetters(Collection<String> hubOrderIds) {
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        for (Topics.TopicSpec deadLetterTopic : Topics.DEAD_LETTERS) {
            found.addAll(records(deadLetterTopic.name(), hubOrderIds));
        }
        return found;
    }

    /**
     * Publishes each record again {@code times} times: same topic, key, value and headers (so the same
     * {@code ce_id}), as a duplicate that got past its producer's checks. Returns where each copy landed.
     */
    List<Position> publishAgain(List<ConsumerRecord<String, byte[]>> records, int times)
            throws InterruptedException, ExecutionException {
        List<java.util.concurrent.Future<RecordMetadata>> sent = new ArrayList<>();
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (ConsumerRecord<String, byte[]> record : records) {
                for (int i = 0; i < times; i++) {
                    sent.add(producer.send(new ProducerRecord<>(record.topic(), record.partition(), record.key(),
                            record.value(), record.headers())));
                }
            }
            producer.flush();
            List<Position> landed = new ArrayList<>();
            for (var future : sent) {
                landed.add(Position.of(future.get()));
            }
            return landed;
        }
    }

    /** Whether the consumer group has committed past every one of these records on this topic. */
    boolean committedPast(String consumerGroup, String topic, List<Position> records)
            throws InterruptedException, ExecutionException {
        Map<TopicPartition, OffsetAndMetadata> committed;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            committed = admin.listConsumerGroupOffsets(consumerGroup).partitionsToOffsetAndMetadata().get();
        }
        return records.stream().filter(record -> record.topic().equals(topic)).allMatch(record -> {
            OffsetAndMetadata offset = committed.get(new TopicPartition(record.topic(), record.partition()));
            return offset != null && offset.offset() > record.offset();
        });
    }

    /** Where a record is on the broker. */
    record Position(String topic, int partition, long offset) {

        static Position of(RecordMetadata published) {
            return new Position(published.topic(), published.partition(), published.offset());
        }

        static Position of(ConsumerRecord<?, ?> record) {
            return new Position(record.topic(), record.partition(), record.offset());
        }
    }

    static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    static String ceId(ConsumerRecord<String, byte[]> record) {
        return header(record, CloudEventHeaders.ID);
    }

    private KafkaConsumer<String, byte[]> consumer() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        return new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private KafkaProducer<String, byte[]> producer() {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        return new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer());
    }
}
