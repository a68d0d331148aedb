package io.fulfillmenthub.orchestrator.deadletter;

import static io.fulfillmenthub.orchestrator.DeadLetterFixtures.awaitListed;
import static io.fulfillmenthub.orchestrator.DeadLetterFixtures.header;
import static io.fulfillmenthub.orchestrator.DeadLetterFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.fulfillmenthub.contracts.Topics;
import io.fulfillmenthub.kit.deadletter.DeadLetterTopics;
import io.fulfillmenthub.orchestrator.FactFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.record.DefaultRecord;
import org.apache.kafka.common.record.DefaultRecordBatch;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Dead-letter topics keep their records for weeks and take any record the hub's topics take. */
@QuarkusTest
class DeadLetterTopicsTest {

    private static final String FOUR_WEEKS_MS = Long.toString(Duration.ofDays(28).toMillis());
    private static final String FOUR_MIB = Integer.toString(4 * 1024 * 1024);
    /** The broker's default message.max.bytes: the largest batch a topic without its own limit takes. */
    private static final int BROKER_DEFAULT_MAX = 1024 * 1024 + 12;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka));
    }

    private static Config config(Admin admin, String topic) throws Exception {
        var resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource);
    }

    private void awaitFactsDeadLettersConfigured() {
        String topic = Topics.deadLetter(Topics.FACTS, "orchestrator");
        try (Admin admin = admin()) {
            // the test infrastructure created it with the broker's defaults; the service corrects it at start
            Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                Config config = config(admin, topic);
                assertThat(config.get("retention.ms").value()).isEqualTo(FOUR_WEEKS_MS);
                assertThat(config.get("max.message.bytes").value()).isEqualTo(FOUR_MIB);
            });
        }
    }

    @Test
    void theServicesDeadLetterTopicKeepsRecordsForFourWeeksAndTakesFourMebibytes() {
        awaitFactsDeadLettersConfigured();
    }

    @Test
    void aMissingDeadLetterTopicIsCreatedAndAnotherOnesConfigurationCorrected() throws Exception {
        String missing = "test." + UUID.randomUUID() + ".dlq.test-group";
        String shortLived = "test." + UUID.randomUUID() + ".dlq.test-group";
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(shortLived, 1, (short) 1).configs(Map.of("retention.ms", "3600000"))))
                    .all().get(30, TimeUnit.SECONDS);

            DeadLetterTopics.Outcome outcome = DeadLetterTopics.ensure(admin, List.of(missing, shortLived),
                    Duration.ofDays(28), 4 * 1024 * 1024);

            assertThat(outcome.created()).containsExactly(missing);
            assertThat(outcome.corrected()).containsExactly(shortLived);
            // the broker applies a configuration change a moment after it acknowledged it
            Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                for (String topic : List.of(missing, shortLived)) {
                    Config config = config(admin, topic);
                    assertThat(config.get("retention.ms").value()).as(topic).isEqualTo(FOUR_WEEKS_MS);
                    assertThat(config.get("max.message.bytes").value()).as(topic).isEqualTo(FOUR_MIB);
                }
            });
            assertThat(DeadLetterTopics.ensure(admin, List.of(missing, shortLived), Duration.ofDays(28), 4 * 1024 * 1024))
                    .isEqualTo(new DeadLetterTopics.Outcome(List.of(), List.of()));
        }
    }

    @Test
    void aRecordNearOneMebibyteThatCannotBeProcessedLandsOnTheDeadLetterTopic() {
        awaitFactsDeadLettersConfigured();
        String order = FactFixtures.newOrderId();
        String ceId = UUID.randomUUID().toString();
        List<Header> headers = List.of(header("ce_specversion", "1.0"), header("ce_id", ceId),
                header("ce_type", "hub.fact.order-teleported.v1"), header("ce_source", "/test-connector"),
                header("ce_subject", order));
        // as large as the facts topic takes: the dead-letter headers make its dead letter larger than that
        byte[] value = new byte[largestValue(order, headers)];
        Arrays.fill(value, (byte) 'x');

        write(kafka, Topics.FACTS, order, value, headers);

        JsonPath listed = awaitListed(order, 1);
        assertThat(listed.getString("deadLetters[0].ceId")).isEqualTo(ceId);
        assertThat(listed.getString("deadLetters[0].group")).isEqualTo("orchestrator");
        assertThat(listed.getString("deadLetters[0].reason")).contains("hub.fact.order-teleported.v1");
    }

    /** The largest value whose record, alone in its batch, the broker's default limit still takes. */
    private static int largestValue(String key, List<Header> headers) {
        int keySize = key.length();
        Header[] array = headers.toArray(Header[]::new);
        int value = BROKER_DEFAULT_MAX;
        while (DefaultRecordBatch.RECORD_BATCH_OVERHEAD + DefaultRecord.sizeInBytes(0, 0, keySize, value, array)
                > BROKER_DEFAULT_MAX) {
            value--;
        }
        return value;
    }
}
