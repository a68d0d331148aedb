package io.fulfillmenthub.kit.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.ce.impl.DefaultIncomingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import java.net.ConnectException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import org.junit.jupiter.api.Test;

class PerOrderLanesTest {

    private final InMemoryLaneHolds holds = new InMemoryLaneHolds();
    private final PerOrderLanes lanes = new PerOrderLanes("commands", "test-group", config(3), holds, new SimpleMeterRegistry());
    /** What happened to each record, by ce_id, in the order it happened. */
    private final Map<String, Settled> settled = new ConcurrentHashMap<>();
    private final List<String> worked = new CopyOnWriteArrayList<>();

    @Test
    void aTransientFailureIsRetriedInPlaceUntilItPassesAndNeverDeadLettered() {
        AtomicInteger calls = new AtomicInteger();
        submit(record("c-1", "spresso:1", 0), id -> calls.incrementAndGet() <= 6
                ? Uni.createFrom().failure(new ConnectException("vendor down"))
                : Uni.createFrom().voidItem());

        await().atMost(Duration.ofSeconds(10)).until(() -> settled.containsKey("c-1"));
        assertThat(settled.get("c-1").acked()).isTrue();
        // more attempts than poison-attempts (3): a transient failure never counts towards poison
        assertThat(calls).hasValue(7);
    }

    @Test
    void aContractViolationIsDeadLetteredAtOnceAndHoldsItsOrder() {
        AtomicInteger calls = new AtomicInteger();
        submit(record("c-1", "spresso:1", 0), id -> {
            calls.incrementAndGet();
            return Uni.createFrom().failure(new Unreadable("$.order.id: missing"));
        });

        await().atMost(Duration.ofSeconds(10)).until(() -> settled.containsKey("c-1"));
        assertThat(calls).hasValue(1);
        assertThat(settled.get("c-1").headers()).containsEntry("hub-dead-letter-kind", "contract")
                .containsEntry("hub-dead-letter-group", "test-group");
        assertThat(holds.of("spresso:1")).map(LaneHolds.Hold::heldBy).contains("c-1");
    }

    @Test
    void aFailureThatRepeatsItselfIsDeadLetteredAsPoisonAfterTheConfiguredAttempts() {
        AtomicInteger calls = new AtomicInteger();
        submit(record("c-1", "spresso:1", 0), id -> {
            calls.incrementAndGet();
            return Uni.createFrom().failure(new IllegalStateException("duplicate key value violates unique constraint"));
        });

        await().atMost(Duration.ofSeconds(10)).until(() -> settled.containsKey("c-1"));
        assertThat(calls).hasValue(3);
        assertThat(settled.get("c-1").nackedWith()).hasMessageContaining("unique constraint");
        assertThat(settled.get("c-1").headers()).containsEntry("hub-dead-letter-kind", "poison");
    }

    @Test
    void aDeadLetterHoldsItsOrdersLaterRecordsWhileOtherOrdersFlow() {
        submit(record("c-1", "spresso:1", 0), id -> Uni.createFrom().failure(new Unreadable("$.order.lines[0].sku: missing")));
        submit(record("c-2", "spresso:1", 1), this::work);
        submit(record("c-3", "spresso:2", 2), this::work);

        await().atMost(Duration.ofSeconds(10)).until(() -> settled.size() == 3);
        assertThat(settled.get("c-2").acked()).isFalse();
        assertThat(settled.get("c-2").headers()).containsEntry("hub-dead-letter-kind", "held")
                .containsEntry("hub-held-by", "c-1");
        assertThat(settled.get("c-2").nackedWith()).hasMessageContaining("spresso:1").hasMessageContaining("c-1");
        assertThat(settled.get("c-3").acked()).isTrue();
        assertThat(worked).containsExactly("c-3");
    }

    @Test
    void replayingTheDeadLetterThatHoldsAnOrderLiftsTheHoldOnceItSucceeds() {
        holds.hold("spresso:1", "c-1", "contract: unreadable").await().indefinitely();

        submit(replay(record("c-2", "spresso:1", 5)), this::work); // a replay of a held record, not of the one that holds
        submit(replay(record("c-1", "spresso:1", 6)), this::work);
        submit(replay(record("c-2", "spresso:1", 7)), this::work);

        await().atMost(Duration.ofSeconds(10)).until(() -> worked.size() == 2);
        assertThat(worked).containsExactly("c-1", "c-2");
        assertThat(holds.of("spresso:1")).isEmpty();
    }

    @Test
    void oneOrdersRecordsRunInOffsetOrderAcrossRetries() {
        AtomicInteger calls = new AtomicInteger();
        submit(record("c-1", "spresso:1", 0), id -> calls.incrementAndGet() < 3
                ? Uni.createFrom().failure(new ConnectException("database away"))
                : work(id));
        submit(record("c-2", "spresso:1", 1), this::work);

        await().atMost(Duration.ofSeconds(10)).until(() -> settled.size() == 2);
        assertThat(worked).containsExactly("c-1", "c-2");
    }

    @Test
    void aHoldAnotherReplicaTookIsHonouredWhenThePartitionComesBackHere() {
        Map<String, LaneHolds.Hold> table = new ConcurrentHashMap<>(); // lane_hold, which every replica reads
        CachedLaneHolds here = new CachedLaneHolds(table);
        PerOrderLanes lanesHere = new PerOrderLanes("commands", "test-group", config(3), here, new SimpleMeterRegistry());
        submit(lanesHere, record("c-1", "spresso:1", 0), this::work);
        await().atMost(Duration.ofSeconds(10)).until(() -> settled.containsKey("c-1"));

        // a rebalance gave partition 0 to another replica, which dead-lettered c-5 and held the order; then it came back
        table.put("spresso:1", new LaneHolds.Hold("spresso:1", "c-5", "contract: unreadable"));
        submit(lanesHere, record("c-6", "spresso:1", 6), this::work);

        await().atMost(Duration.ofSeconds(10)).until(() -> settled.containsKey("c-6"));
        assertThat(settled.get("c-6").headers()).containsEntry("hub-dead-letter-kind", "held").containsEntry("hub-held-by", "c-5");
        assertThat(worked).containsExactly("c-1");
    }

    /** A replica's copy of the holds, read again only when stale: as if its refresh interval never came. */
    private static final class CachedLaneHolds implements LaneHolds {
        private final Map<String, Hold> table;
        private volatile Map<String, Hold> copy;

        CachedLaneHolds(Map<String, Hold> table) {
            this.table = table;
        }

        @Override
        public Uni<Void> fresh() {
            if (copy == null) {
                copy = Map.copyOf(table);
            }
            return Uni.createFrom().voidItem();
        }

        @Override
        public void stale() {
            copy = null;
        }

        @Override
        public java.util.Optional<Hold> of(String orderKey) {
            return java.util.Optional.ofNullable(copy.get(orderKey));
        }

        @Override
        public int size() {
            return copy == null ? 0 : copy.size();
        }

        @Override
        public Uni<Void> hold(String orderKey, String heldBy, String reason) {
            table.putIfAbsent(orderKey, new Hold(orderKey, heldBy, reason));
            copy = null;
            return Uni.createFrom().voidItem();
        }

        @Override
        public Uni<Void> release(String orderKey, String heldBy) {
            table.computeIfPresent(orderKey, (key, hold) -> hold.heldBy().equals(heldBy) ? null : hold);
            copy = null;
            return Uni.createFrom().voidItem();
        }
    }

    private Uni<Void> work(String id) {
        worked.add(id);
        return Uni.createFrom().voidItem();
    }

    private void submit(Message<byte[]> message, Function<String, Uni<Void>> work) {
        submit(lanes, message, work);
    }

    private void submit(PerOrderLanes lanes, Message<byte[]> message, Function<String, Uni<Void>> work) {
        String id = message.getMetadata(DefaultIncomingCloudEventMetadata.class).orElseThrow().getId();
        Message<byte[]> observed = message
                .withAck(() -> {
                    settled.putIfAbsent(id, new Settled(true, null, Map.of()));
                    return CompletableFuture.completedFuture(null);
                })
                .withNackWithMetadata((failure, metadata) -> {
                    Map<String, String> headers = new ConcurrentHashMap<>();
                    metadata.get(OutgoingKafkaRecordMetadata.class).ifPresent(out -> out.getHeaders()
                            .forEach(header -> headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8))));
                    settled.putIfAbsent(id, new Settled(false, failure, headers));
                    return CompletableFuture.completedFuture(null);
                });
        lanes.submit(observed, ignored -> work.apply(id)).await().atMost(Duration.ofSeconds(5));
    }

    private static Message<byte[]> record(String id, String key, long offset) {
        byte[] data = "{}".getBytes(StandardCharsets.UTF_8);
        var ce = new DefaultIncomingCloudEventMetadata<>("1.0", id, URI.create("/test"), "hub.command.test.v1",
                "application/json", null, key, Instant.now().atZone(ZoneOffset.UTC), Map.of(), data);
        var kafka = new IncomingKafkaRecordMetadata<>(new ConsumerRecord<>("fulfillment.commands.spod.v1", 0, offset, key, data),
                "commands");
        return Message.of(data, Metadata.of(ce, kafka));
    }

    private static Message<byte[]> replay(Message<byte[]> record) {
        var kafka = record.getMetadata(IncomingKafkaRecordMetadata.class).orElseThrow();
        kafka.getHeaders().add(new RecordHeader(PerOrderLanes.REPLAY_HEADER,
                "fulfillment.commands.spod.v1.dlq.test-group/0/3".getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    private static ConsumerConfig config(int poisonAttempts) {
        return new ConsumerConfig() {
            @Override
            public int maxInFlight() {
                return 8;
            }

            @Override
            public Retry retry() {
                return new Retry() {
                    @Override
                    public Duration initialDelay() {
                        return Duration.ofMillis(5);
                    }

                    @Override
                    public Duration maxDelay() {
                        return Duration.ofMillis(50);
                    }

                    @Override
                    public int poisonAttempts() {
                        return poisonAttempts;
                    }
                };
            }

            @Override
            public Duration holdRefresh() {
                return Duration.ofSeconds(10);
            }
        };
    }

    private record Settled(boolean acked, Throwable nackedWith, Map<String, String> headers) {
    }

    private static final class Unreadable extends RuntimeException implements io.fulfillmenthub.kit.failure.ContractViolation {
        Unreadable(String message) {
            super(message);
        }
    }
}
