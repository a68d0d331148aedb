package io.fulfillmenthub.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Two replicas of every service side by side, the webhooks spread over both ingest replicas: each
 * consumer group shares its partitions between the replicas, every order reaches each vendor once, and
 * no order's calls arrive out of order (a shipment before its {@code in_transit}, a SPOD submission
 * before its cancellation). With no fault played, nothing is repeated either: a repeated vendor call
 * here means two replicas did the same work.
 */
@Tag("reliability") // runs with -Preliability: see the module README
class ReplicasSystemTest {

    private static final int REPLICAS = 2;
    private static final int ORDERS = 60;
    private static final Duration PACE = Duration.ofMillis(300);
    /** The consumer groups of the hub services, and how many channels of each service consume in that group. */
    private static final Map<String, Integer> GROUPS = Map.of("orchestrator", 1, "spod-connector", 1,
            "storefront-connector", 2, "pos-connector", 2);

    private static ChaosHub hub;

    @BeforeAll
    static void startTheHub() throws Exception {
        hub = ChaosHub.start("replicas", REPLICAS);
    }

    @AfterAll
    static void stopTheHub() {
        if (hub != null) {
            hub.close();
        }
    }

    @Test
    void twoReplicasOfEveryServiceShareTheWorkAndDoEachOrderOnceAndInOrder() throws Exception {
        try (OrderFlow flow = new OrderFlow(hub)) {
            Instant start = Instant.now();
            // every fifth order is cancelled by its customer once SPOD has it
            flow.place(ORDERS, PACE, i -> i % 5 == 4);

            FaultRun.Drained drained = FaultRun.drain(hub, flow, start);
            VendorLedger.Tally tally = drained.tally();
            Map<String, ConsumerGroupDescription> groups = consumerGroups();
            ReliabilityFigures.record("ReplicasSystemTest", REPLICAS + " replicas of every service, no fault", Duration.ZERO,
                    tally, drained.drain(), "time to drain counts from the first order; members with partitions: "
                            + groups.entrySet().stream().map(group -> group.getKey() + " " + group.getValue().members().stream()
                                    .filter(member -> !member.assignment().topicPartitions().isEmpty()).count())
                                    .sorted().toList());

            assertThat(flow.failures()).as("orders the sandbox could not place").isEmpty();
            assertThat(tally.violations).as(tally.summary()).isEmpty();
            assertThat(drained.drain()).as("drained within %s: %s", FaultRun.DRAIN_LIMIT, tally.summary()).isNotNull();
            assertThat(tally.atSpodOnce).as(tally.summary()).isEqualTo(ORDERS);
            assertThat(tally.shippedOnceAtSpresso).as(tally.summary()).isEqualTo(tally.toShip).isEqualTo(ORDERS * 4 / 5);
            assertThat(tally.cancelledAtSpod).as(tally.summary()).isEqualTo(tally.toCancel).isEqualTo(ORDERS / 5);
            assertThat(tally.outOfOrder).as(tally.summary()).isZero();
            assertThat(tally.spodRepeatedSubmissions).as("SPOD submissions repeated: %s", tally.summary()).isZero();
            assertThat(tally.spressoRepeatedCalls).as("Spresso calls repeated: %s", tally.summary()).isZero();
            assertThat(tally.deadLetters).as("dead letters").isZero();
            GROUPS.forEach((group, channels) -> {
                Collection<MemberDescription> members = groups.get(group).members();
                assertThat(members).as("members of consumer group %s", group).hasSize(REPLICAS * channels)
                        .allSatisfy(member -> assertThat(member.assignment().topicPartitions())
                                .as("partitions of %s in %s", member.consumerId(), group).isNotEmpty());
            });
        }
    }

    private static Map<String, ConsumerGroupDescription> consumerGroups() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, hub.stack.kafkaBootstrapServers()))) {
            return admin.describeConsumerGroups(GROUPS.keySet()).all().get(30, TimeUnit.SECONDS);
        }
    }
}
