package io.fulfillmenthub.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fulfillmenthub.contracts.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** The local stack's promise: a real broker and database whose data outlives a restart. */
class EmbeddedInfrastructureTest {

    private final Path root = Path.of(System.getProperty("java.io.tmpdir"), "embedded-infra-" + System.nanoTime());

    @Test
    void kafkaKeepsTopicsAndRecordsAcrossARestart() throws Exception {
        Path logDir = root.resolve("kafka");
        int port = FreePort.find();
        try (EmbeddedKafka kafka = EmbeddedKafka.start(logDir, port, 0)) {
            kafka.createTopics(Topics.ALL);
            kafka.createTopics(Topics.ALL); // a second creation leaves the topics as they are
            try (var admin = kafka.admin()) {
                Set<String> names = admin.listTopics().names().get(10, TimeUnit.SECONDS);
                assertThat(names).containsAll(Topics.ALL.stream().map(Topics.TopicSpec::name).toList());
                assertThat(admin.describeTopics(List.of(Topics.FACTS)).allTopicNames().get().get(Topics.FACTS)
                        .partitions()).hasSize(6);
                var inbound = new org.apache.kafka.common.config.ConfigResource(
                        org.apache.kafka.common.config.ConfigResource.Type.TOPIC, Topics.INBOUND);
                assertThat(admin.describeConfigs(List.of(inbound)).all().get().get(inbound)
                        .get("max.message.bytes").value()).isEqualTo("2097152");
            }
            try (var producer = new KafkaProducer<String, String>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>(Topics.FACTS, "spresso:1", "before restart")).get(30, TimeUnit.SECONDS);
            }
        }

        try (EmbeddedKafka kafka = EmbeddedKafka.start(logDir, port, 0)) {
            assertThat(readAll(kafka.bootstrapServers(), Topics.FACTS)).containsExactly("before restart");
        }
    }

    @Test
    void durablePostgresHasFsyncOnAndKeepsDataAcrossARestart() throws Exception {
        Path dataDir = root.resolve("postgres");
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(dataDir, 0, true, false)) {
            assertThat(postgres.setting("fsync")).isEqualTo("on");
            assertThat(postgres.setting("synchronous_commit")).isEqualTo("on");
            postgres.createDatabase("orchestrator");
            postgres.createDatabase("orchestrator");
            execute(postgres, "CREATE TABLE kept (id int primary key); INSERT INTO kept VALUES (42)");
        }
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(dataDir, 0, true, false)) {
            try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("orchestrator"), "postgres", "");
                    Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT id FROM kept")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getInt(1)).isEqualTo(42);
            }
        }
        assertThat(Files.exists(dataDir.resolve("PG_VERSION"))).isTrue();
    }

    @Test
    void postgresForTestsRunsWithoutFsync() {
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(root.resolve("fast"), 0, false, true)) {
            assertThat(postgres.setting("fsync")).isEqualTo("off");
        }
    }

    @Test
    void aFrozenPostgresAnswersNothingUntilThawed() throws Exception {
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(root.resolve("frozen"), 0, false, true)) {
            // loginTimeout and socketTimeout in seconds: a frozen server accepts the connection and never answers
            String url = postgres.jdbcUrl("postgres") + "?loginTimeout=2&socketTimeout=2";
            postgres.freeze();
            try {
                assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "").close())
                        .isInstanceOf(java.sql.SQLException.class);
            } finally {
                postgres.thaw();
            }
            try (Connection connection = DriverManager.getConnection(url, "postgres", "");
                    Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT 1")) {
                assertThat(rows.next()).isTrue();
            }
        }
    }

    private static void execute(EmbeddedPostgresServer postgres, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("orchestrator"), "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static List<String> readAll(String bootstrapServers, String topic) {
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "embedded-infra-test-" + System.nanoTime(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<String> values = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(new String(record.value().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
                }
            }
            return values;
        }
    }
}
