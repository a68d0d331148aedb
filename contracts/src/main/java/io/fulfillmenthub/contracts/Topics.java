package io.fulfillmenthub.contracts;

import java.util.List;
import java.util.Map;

/** The hub's Kafka topics. A change to a topic's meaning is a new topic ({@code .v2}), never an edit. */
public final class Topics {

    /** Vendor webhooks exactly as received, published by ingest-service. */
    public static final String INBOUND = "fulfillment.inbound.v1";
    /** Neutral facts: what happened at a storefront or fulfiller, published by the connectors. */
    public static final String FACTS = "fulfillment.facts.v1";
    public static final String COMMANDS_SPOD = "fulfillment.commands.spod.v1";
    public static final String COMMANDS_STOREFRONT = "fulfillment.commands.storefront.v1";
    public static final String COMMANDS_POS = "fulfillment.commands.pos.v1";
    /** The public order lifecycle, for other teams. */
    public static final String ORDERS = "fulfillment.orders.v1";

    /** Every topic with the partition count the local stack and deployments create it with. */
    /**
     * Vendor webhooks are stored whole: ingest accepts bodies up to 1 MiB, so the inbound topics take
     * records up to 2 MiB (the broker's default is 1 MiB).
     */
    public static final Map<String, String> LARGE_RECORDS = Map.of("max.message.bytes", "2097152");

    public static final List<TopicSpec> ALL = List.of(
            new TopicSpec(INBOUND, 6, LARGE_RECORDS),
            new TopicSpec(FACTS, 6),
            new TopicSpec(COMMANDS_SPOD, 3),
            new TopicSpec(COMMANDS_STOREFRONT, 3),
            new TopicSpec(COMMANDS_POS, 3),
            new TopicSpec(ORDERS, 6));

    /** Each consumer's dead-letter topic, by consumer group: where what it could not process is kept. */
    public static final List<TopicSpec> DEAD_LETTERS = List.of(
            new TopicSpec(deadLetter(FACTS, "orchestrator"), 1),
            new TopicSpec(deadLetter(COMMANDS_SPOD, "spod-connector"), 1),
            new TopicSpec(deadLetter(COMMANDS_STOREFRONT, "storefront-connector"), 1),
            new TopicSpec(deadLetter(INBOUND, "storefront-connector"), 1, LARGE_RECORDS),
            new TopicSpec(deadLetter(COMMANDS_POS, "pos-connector"), 1),
            new TopicSpec(deadLetter(INBOUND, "pos-connector"), 1, LARGE_RECORDS));

    private Topics() {
    }

    /** The topics and the dead-letter topics: what a broker must have before the hub starts. */
    public static List<TopicSpec> all() {
        return java.util.stream.Stream.concat(ALL.stream(), DEAD_LETTERS.stream()).toList();
    }

    /** The dead-letter topic of one consumer group on one topic: {@code <topic>.dlq.<group>}. */
    public static String deadLetter(String topic, String consumerGroup) {
        return topic + ".dlq." + consumerGroup;
    }

    /** A topic with its partition count and the topic-level configuration it is created with. */
    public record TopicSpec(String name, int partitions, Map<String, String> config) {

        public TopicSpec(String name, int partitions) {
            this(name, partitions, Map.of());
        }
    }
}
