package io.fulfillmenthub.spod;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.fulfillmenthub.contracts.CloudEventHeaders;
import io.fulfillmenthub.contracts.MessageTypes;
import io.fulfillmenthub.contracts.Topics;
import io.fulfillmenthub.contracts.commands.CancelPrintOrder;
import io.fulfillmenthub.testing.TopicReader;
import io.fulfillmenthub.testing.TopicWriter;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Commands of many orders are carried out at the same time, yet each order's commands reach SPOD and
 * answer with facts in the order they were published. A command that cannot be processed goes to the
 * dead-letter topic and holds its order: that order's later commands follow it there as held.
 */
@QuarkusTest
class PerOrderOrderingTest extends SpodConnectorTestSupport {

    private static final int ORDERS = 30;

    @Test
    void eachOrdersSubmitAndCancelRunInTurnWhileOrdersRunTogetherAndAPoisonedOrderWaits() {
        String run = "o" + UUID.randomUUID();
        // answers take a varying time, so concurrent orders overtake each other
        spod.stubFor(post(urlPathEqualTo("/spod/orders"))
                .withRequestBody(matchingJsonPath("$.external-order-id", containing(run)))
                .willReturn(aResponse().withStatus(201).withUniformRandomDelay(1, 40)));
        spod.stubFor(post(urlPathMatching("/spod/orders/spresso:" + run + "-[0-9]+:f-1/cancel"))
                .willReturn(aResponse().withStatus(200).withUniformRandomDelay(1, 40)));
        List<String> hubOrderIds = IntStream.range(0, ORDERS).mapToObj(order -> "spresso:" + run + "-" + order).toList();

        String poison = UUID.randomUUID().toString();
        String heldCancel = UUID.randomUUID().toString();
        for (String hubOrderId : hubOrderIds) {
            send(UUID.randomUUID().toString(), submitPrintOrder(hubOrderId, hubOrderId + ":f-1"));
        }
        sendUnknownType(poison, hubOrderIds.get(0));
        for (String hubOrderId : hubOrderIds) {
            send(hubOrderId.equals(hubOrderIds.get(0)) ? heldCancel : UUID.randomUUID().toString(), new CancelPrintOrder(hubOrderId, hubOrderId + ":f-1", "changed their mind"));
        }

        Set<String> keys = Set.copyOf(hubOrderIds);
        try (TopicReader facts = new TopicReader(bootstrapServers, Topics.FACTS)) {
            List<ConsumerRecord<String, byte[]>> ours = Awaitility.await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> facts.poll().stream().filter(r -> keys.contains(r.key())).toList(),
                            found -> found.size() == 2 * ORDERS - 1);
            Map<String, List<String>> typesByOrder = ours.stream().collect(Collectors.groupingBy(ConsumerRecord::key,
                    Collectors.mapping(SpodConnectorTestSupport::type, Collectors.toList())));
            assertThat(typesByOrder.remove(hubOrderIds.get(0))).containsExactly(MessageTypes.FULFILLMENT_SUBMITTED.ceType());
            assertThat(typesByOrder).hasSize(ORDERS - 1).allSatisfy((order, types) -> assertThat(types).containsExactly(
                    MessageTypes.FULFILLMENT_SUBMITTED.ceType(), MessageTypes.FULFILLMENT_CANCELLED.ceType()));
        }
        List<String> received = requestsInTheOrderReceived();
        assertThat(received).as("the poisoned order's cancel waits").noneMatch(request -> request.contains(hubOrderIds.get(0) + ":f-1/cancel"));
        for (String hubOrderId : hubOrderIds.subList(1, ORDERS)) {
            String fulfillmentId = hubOrderId + ":f-1";
            List<String> calls = received.stream().filter(request -> request.contains(fulfillmentId + "\"")
                    || request.contains(fulfillmentId + "/cancel")).toList();
            // a submission repeated after a timeout is SPOD's to dedupe (its external order id); what matters
            // here is that the cancel comes after every submission of its order, once
            assertThat(calls).as(fulfillmentId).last().satisfies(cancel -> assertThat(cancel).endsWith("/cancel "));
            assertThat(calls.subList(0, calls.size() - 1)).as(fulfillmentId).isNotEmpty()
                    .allSatisfy(submit -> assertThat(submit).startsWith("/spod/orders "));
        }
        try (TopicReader deadLetters = new TopicReader(bootstrapServers, Topics.deadLetter(Topics.COMMANDS_SPOD, "spod-connector"))) {
            deadLetters.await(r -> heldCancel.equals(TopicReader.header(r, CloudEventHeaders.ID)), Duration.ofSeconds(60));
            List<ConsumerRecord<String, byte[]>> ours = deadLetters.poll().stream().filter(r -> keys.contains(r.key())).toList();
            assertThat(ours).extracting(r -> TopicReader.header(r, CloudEventHeaders.ID)).containsExactly(poison, heldCancel);
            assertThat(ours).extracting(r -> TopicReader.header(r, "hub-dead-letter-kind")).containsExactly("contract", "held");
            assertThat(TopicReader.header(ours.get(1), "hub-held-by")).isEqualTo(poison);
        }
    }

    /** A command type this connector was not built for, keyed like the order's other commands. */
    private void sendUnknownType(String commandId, String hubOrderId) {
        try (TopicWriter writer = new TopicWriter(bootstrapServers)) {
            writer.send(Topics.COMMANDS_SPOD, hubOrderId, Map.of(
                    CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0,
                    CloudEventHeaders.ID, commandId,
                    CloudEventHeaders.TYPE, "hub.command.reprint-order.v1",
                    CloudEventHeaders.SOURCE, "/orchestrator",
                    CloudEventHeaders.SUBJECT, hubOrderId,
                    CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON),
                    "{}".getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Each request SPOD received, oldest first, as "url body". */
    private List<String> requestsInTheOrderReceived() {
        List<ServeEvent> events = new ArrayList<>(spod.getAllServeEvents());
        Collections.reverse(events);
        return events.stream().map(event -> event.getRequest().getUrl() + " " + event.getRequest().getBodyAsString()).toList();
    }
}
