package io.fulfillmenthub.orchestrator.messaging;

import static io.fulfillmenthub.orchestrator.FactFixtures.fulfillment;
import static io.fulfillmenthub.orchestrator.FactFixtures.line;
import static io.fulfillmenthub.orchestrator.FactFixtures.orderPlaced;
import static io.fulfillmenthub.orchestrator.FactFixtures.quantity;
import static io.fulfillmenthub.orchestrator.FactFixtures.send;
import static io.fulfillmenthub.orchestrator.OperationsTokens.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.fulfillmenthub.contracts.CloudEventHeaders;
import io.fulfillmenthub.kit.messaging.HubPublisher;
import io.fulfillmenthub.orchestrator.FactFixtures;
import io.fulfillmenthub.orchestrator.persistence.OutboxRows;
import io.fulfillmenthub.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgConnection;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The relay against the real broker and database, checked on the topics: a record the broker refuses
 * holds back only its own order, is parked after {@code hub.outbox.park-after} (3 in tests) refusals and
 * shown to operators, and goes out in order once retried; two relays publish each row once; when the
 * replica holding the relay's lock dies, another takes over. Each test publishes to a topic of its own,
 * from rows it writes into the outbox as a transaction of the orchestrator would.
 */
@QuarkusTest
class OutboxRelayTest {

    private static final String TYPE = "hub.test.outbox-relay.v1";
    private static final Duration LONG_ENOUGH = Duration.ofSeconds(60);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @ConfigProperty(name = "quarkus.datasource.reactive.url")
    String databaseUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    String databaseUser;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> databasePassword;

    @ConfigProperty(name = "hub.outbox.park-after")
    int parkAfter;

    @Inject
    Pool database;

    @Inject
    Vertx vertx;

    @Inject
    OutboxRelay relay;

    @Inject
    HubPublisher publisher;

    @Inject
    OutboxRows outbox;

    @Inject
    OutboxConfig config;

    @Test
    void aRecordTheBrokerRefusesHoldsBackOnlyItsOrderIsParkedAndGoesOutInOrderOnceRetried() throws Exception {
        // the broker refuses records over 10 KB on this topic; the producer's batches are up to 16 KB, and a
        // record larger than that goes in a batch of its own, so the broker refuses that record alone
        String topic = newTopic(1, Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "10000"));
        String order = FactFixtures.newOrderId();
        send(kafka, orderPlaced(order, List.of(line("var-1", "NOT-MAPPED-7", 1)),
                List.of(fulfillment("f-1", quantity("var-1", 1)))));
        Awaitility.await().atMost(LONG_ENOUGH).untilAsserted(() ->
                given().get("/orders/{id}", order).then().statusCode(200));
        String other = FactFixtures.newOrderId();

        Message a1 = new Message(order, "{\"n\": 1}");
        Message a2 = new Message(order, "{\"padding\": \"" + "x".repeat(20_000) + "\"}");
        Message b1 = new Message(other, "{\"n\": 1}");
        Message a3 = new Message(order, "{\"n\": 3}");
        Message b2 = new Message(other, "{\"n\": 2}");
        List<Long> ids = write(topic, List.of(a1, a2, b1, a3, b2));
        long a2Id = ids.get(1);
        relay.wake();

        // the other order goes on, in its order; this one waits behind its refused record
        try (TopicReader reader = new TopicReader(kafka, topic)) {
            reader.await(r -> b2.ceId().equals(ceId(r)), LONG_ENOUGH);
            reader.await(r -> a1.ceId().equals(ceId(r)), LONG_ENOUGH);
        }
        JsonPath parked = Awaitility.await().atMost(LONG_ENOUGH).pollInterval(Duration.ofMillis(200))
                .until(() -> given().get("/outbox/parked?limit=500").then().statusCode(200).extract().jsonPath(),
                        page -> page.getList("messages.ceId").contains(a2.ceId()));
        String entry = "messages.find { it.ceId == '" + a2.ceId() + "' }.";
        assertThat(parked.getLong(entry + "id")).isEqualTo(a2Id);
        assertThat(parked.getString(entry + "hubOrderId")).isEqualTo(order);
        assertThat(parked.getString(entry + "type")).isEqualTo(TYPE);
        assertThat(parked.getString(entry + "topic")).isEqualTo(topic);
        assertThat(parked.getInt(entry + "attempts")).isEqualTo(parkAfter);
        assertThat(parked.getString(entry + "error")).contains("RecordTooLargeException");
        assertThat(parked.getString(entry + "parkedAt")).isNotNull();
        given().get("/orders/{id}", order).then().statusCode(200)
                .body("unpublished.ceId", equalTo(List.of(a2.ceId())))
                .body("unpublished[0].attempts", equalTo(parkAfter))
                .body("unpublished[0].parkedAt", notNullValue());
        // after every attempt at the refused record, nothing of its order behind it was published
        assertThat(inOrderPerKey(FactFixtures.publishedSoFar(kafka, topic)))
                .containsEntry(order, List.of(a1.ceId()))
                .containsEntry(other, List.of(b1.ceId(), b2.ceId()));

        // the operator raises the topic's limit and retries the parked record
        setTopicConfig(topic, TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "1048588");
        given().post("/outbox/parked/{id}/retry", a2Id).then().statusCode(200)
                .body("ceId", equalTo(a2.ceId()))
                .body("attempts", equalTo(0))
                .body("parkedAt", nullValue());
        // the retry is on the order's timeline, naming the operator
        given().get("/orders/{id}", order).then().statusCode(200).body("timeline.note", org.hamcrest.Matchers.hasItem(
                "outbox message " + a2.ceId() + " (" + TYPE + ", to " + topic + ") un-parked by operator test-operator: tried again"));

        try (TopicReader reader = new TopicReader(kafka, topic)) {
            reader.await(r -> a3.ceId().equals(ceId(r)), LONG_ENOUGH);
        }
        Awaitility.await().atMost(LONG_ENOUGH).untilAsserted(() -> given().get("/orders/{id}", order).then()
                .body("unpublished", equalTo(List.of())));
        assertThat(inOrderPerKey(FactFixtures.publishedSoFar(kafka, topic)))
                .containsEntry(order, List.of(a1.ceId(), a2.ceId(), a3.ceId()))
                .containsEntry(other, List.of(b1.ceId(), b2.ceId()));
        given().get("/outbox/parked?limit=500").then().statusCode(200)
                .body("messages.find { it.ceId == '" + a2.ceId() + "' }", nullValue());
    }

    @Test
    void aRetryOfAnIdThatIsNotParkedIsNotFoundAndABadIdNamesTheParameter() {
        given().post("/outbox/parked/{id}/retry", Long.MAX_VALUE).then().statusCode(404)
                .body("error", equalTo("not_found"));
        given().post("/outbox/parked/{id}/retry", "twelve").then().statusCode(400)
                .body("parameter", equalTo("id"));
        given().get("/outbox/parked?limit=0").then().statusCode(400).body("parameter", equalTo("limit"));
    }

    @Test
    void twoRelaysWokenTogetherPublishEveryRowOnceInOrderPerOrder() throws Exception {
        String topic = newTopic(3, Map.of());
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            orders.add(FactFixtures.newOrderId());
        }
        // ten rows per order, the orders interleaved
        List<Message> messages = new ArrayList<>();
        for (int n = 0; n < 10; n++) {
            for (String order : orders) {
                messages.add(new Message(order, "{\"n\": " + n + "}"));
            }
        }
        // the other replica's relay: same database, same broker
        OutboxRelay otherReplica = new OutboxRelay(database, publisher, outbox, config);
        write(topic, messages);
        for (int i = 0; i < 10; i++) {
            relay.wake();
            otherReplica.wake();
        }

        Awaitility.await().atMost(LONG_ENOUGH).pollInterval(Duration.ofMillis(100))
                .until(() -> waitingRows(orders) == 0);
        otherReplica.stop();
        List<ConsumerRecord<String, byte[]>> published = FactFixtures.publishedSoFar(kafka, topic);
        assertThat(published).extracting(OutboxRelayTest::ceId).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(messages.stream().map(Message::ceId).toList());
        Map<String, List<String>> perOrder = inOrderPerKey(published);
        for (String order : orders) {
            assertThat(perOrder.get(order)).as("the messages of %s", order).containsExactlyElementsOf(
                    messages.stream().filter(m -> m.key().equals(order)).map(Message::ceId).toList());
        }
    }

    @Test
    void whileAnotherReplicaHoldsTheRelaysLockNothingIsPublishedAndWhenItDiesThisRelayTakesOver() throws Exception {
        String topic = newTopic(1, Map.of());
        // another replica's relay round: its session holds the relay's lock
        PgConnection otherReplica = PgConnection.connect(vertx, PgConnectOptions.fromUri(databaseUrl)
                        .setUser(databaseUser).setPassword(databasePassword.orElse("")))
                .await().atMost(LONG_ENOUGH);
        otherReplica.preparedQuery("SELECT pg_advisory_lock(hashtext($1))").execute(Tuple.of(OutboxRows.RELAY_LOCK))
                .await().atMost(LONG_ENOUGH);
        int otherReplicasSession = otherReplica.query("SELECT pg_backend_pid() AS pid").execute()
                .await().atMost(LONG_ENOUGH).iterator().next().getInteger("pid");
        String order = FactFixtures.newOrderId();
        List<Message> messages = List.of(new Message(order, "{\"n\": 1}"), new Message(order, "{\"n\": 2}"));
        write(topic, messages);

        assertThat(relay.relayBatch().await().atMost(LONG_ENOUGH).lockBusy()).isTrue();
        assertThat(FactFixtures.publishedSoFar(kafka, topic)).isEmpty();

        // the other replica dies: the server ends its session, and with it the lock
        database.preparedQuery("SELECT pg_terminate_backend($1)").execute(Tuple.of(otherReplicasSession))
                .await().atMost(LONG_ENOUGH);
        relay.wake();
        try (TopicReader reader = new TopicReader(kafka, topic)) {
            reader.await(r -> messages.get(1).ceId().equals(ceId(r)), LONG_ENOUGH);
        }
        assertThat(inOrderPerKey(FactFixtures.publishedSoFar(kafka, topic)))
                .containsExactly(Map.entry(order, messages.stream().map(Message::ceId).toList()));
    }

    /** A row as the orchestrator writes it, with a ce_id of its own. */
    private record Message(String key, String payload, String ceId) {

        Message(String key, String payload) {
            this(key, payload, UUID.randomUUID().toString());
        }
    }

    /** Inserts the rows in one transaction, ids in the order given; @return their ids */
    private List<Long> write(String topic, List<Message> messages) {
        String[] keys = messages.stream().map(Message::key).toArray(String[]::new);
        String[] ceIds = messages.stream().map(Message::ceId).toArray(String[]::new);
        String[] payloads = messages.stream().map(Message::payload).toArray(String[]::new);
        return database.preparedQuery("INSERT INTO outbox (topic, message_key, ce_id, ce_type, ce_source, payload) "
                        + "SELECT $1, u.message_key, u.ce_id, $2, '/orchestrator', u.payload "
                        + "FROM unnest($3::text[], $4::text[], $5::text[]) "
                        + "WITH ORDINALITY AS u(message_key, ce_id, payload, n) "
                        + "ORDER BY u.n RETURNING id")
                .execute(Tuple.of(topic, TYPE, keys, ceIds, payloads))
                .map(rows -> {
                    List<Long> ids = new ArrayList<>();
                    rows.forEach(row -> ids.add(row.getLong("id")));
                    return ids.stream().sorted().toList();
                })
                .await().atMost(LONG_ENOUGH);
    }

    private long waitingRows(Collection<String> keys) {
        return database.preparedQuery("SELECT count(*) AS n FROM outbox WHERE message_key = ANY($1)")
                .execute(Tuple.of((Object) keys.toArray(String[]::new))).await().atMost(LONG_ENOUGH)
                .iterator().next().getLong("n");
    }

    /** The ce_ids of each key in offset order (one key, one partition). */
    private static Map<String, List<String>> inOrderPerKey(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream()
                .sorted(Comparator.comparingLong(ConsumerRecord::offset))
                .collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.mapping(OutboxRelayTest::ceId,
                        Collectors.toList())));
    }

    private static String ceId(ConsumerRecord<String, byte[]> record) {
        return TopicReader.header(record, CloudEventHeaders.ID);
    }

    private String newTopic(int partitions, Map<String, String> configs) throws Exception {
        String topic = "outbox-relay-test." + UUID.randomUUID();
        withAdmin(admin -> admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1).configs(configs)))
                .all());
        return topic;
    }

    private void setTopicConfig(String topic, String name, String value) throws Exception {
        withAdmin(admin -> admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, topic),
                List.of(new AlterConfigOp(new ConfigEntry(name, value), AlterConfigOp.OpType.SET)))).all());
    }

    private void withAdmin(Function<Admin, KafkaFuture<Void>> call) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka))) {
            call.apply(admin).get(30, TimeUnit.SECONDS);
        }
    }
}
