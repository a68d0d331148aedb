package io.fulfillmenthub.storefront.squarespace;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.fulfillmenthub.contracts.CloudEventHeaders;
import io.fulfillmenthub.contracts.HubJson;
import io.fulfillmenthub.contracts.MessageIds;
import io.fulfillmenthub.contracts.MessageTypes;
import io.fulfillmenthub.contracts.Topics;
import io.fulfillmenthub.storefront.InjectSquarespace;
import io.fulfillmenthub.storefront.SquarespaceWireMock;
import io.fulfillmenthub.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The reconciliation poller finds orders whose notification never came, and converges on the same fact ids. */
@QuarkusTest
class SquarespaceOrderPollerTest {

    private static final String ORDERS = "/squarespace/1.0/commerce/orders";

    @InjectSquarespace
    WireMockServer squarespace;

    @Inject
    SquarespaceOrderPoller poller;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "hub.squarespace.reconcile.overlap")
    Duration overlap;

    @Test
    void ordersWithNoNotificationArePublishedPageByPageAndAgainWithTheSameIdsFromTheMark() {
        String placed = UUID.randomUUID().toString();
        String cancelled = UUID.randomUUID().toString();
        String cursor = "cursor-" + placed;
        stubFirstPage(page(List.of(SquarespaceFixtures.order(placed)), cursor), 0);
        squarespace.stubFor(get(urlPathEqualTo(ORDERS)).withQueryParam("cursor", equalTo(cursor))
                .withQueryParam("modifiedAfter", absent()).withQueryParam("modifiedBefore", absent())
                .willReturn(json(page(List.of(SquarespaceFixtures.order(cancelled).put("fulfillmentStatus", "CANCELED")), null))));

        int published = poller.poll().await().atMost(Duration.ofSeconds(30));

        assertThat(published).isEqualTo(3);
        assertThat(ids(factsOf(List.of(placed), 1))).containsExactly(MessageIds.derive("squarespace:" + placed, "order-placed/PAID"));
        List<ConsumerRecord<String, byte[]>> ofCancelled = factsOf(List.of(cancelled), 2);
        assertThat(ids(ofCancelled)).as("one order's facts in their order").containsExactly(
                MessageIds.derive("squarespace:" + cancelled, "order-placed/PAID"),
                MessageIds.derive("squarespace:" + cancelled, "order-cancelled-at-source"));
        assertThat(ofCancelled).extracting(r -> TopicReader.header(r, CloudEventHeaders.TYPE))
                .containsExactly(MessageTypes.ORDER_PLACED.ceType(), MessageTypes.ORDER_CANCELLED_AT_SOURCE.ceType());
        LoggedRequest first = newestWindow();
        assertThat(first.getHeader("Authorization")).isEqualTo("Bearer " + SquarespaceWireMock.API_KEY);

        poller.poll().await().atMost(Duration.ofSeconds(30));

        assertThat(ids(factsOf(List.of(cancelled), 4))).as("a repeat has the same ids, for the orchestrator's inbox to drop")
                .containsExactly(ids(ofCancelled).get(0), ids(ofCancelled).get(1), ids(ofCancelled).get(0), ids(ofCancelled).get(1));
        assertThat(ids(factsOf(List.of(placed), 2))).containsOnly(MessageIds.derive("squarespace:" + placed, "order-placed/PAID"));
        LoggedRequest second = newestWindow();
        assertThat(instant(second, "modifiedAfter")).as("the next window starts at the mark, less the overlap")
                .isEqualTo(instant(first, "modifiedBefore").minus(overlap));
    }

    @Test
    void aWindowThatFailsHalfWayKeepsTheMarkAndIsReadAgain() {
        String order = UUID.randomUUID().toString();
        String cursor = "cursor-" + order;
        stubFirstPage(page(List.of(SquarespaceFixtures.order(order)), null), 0);
        poller.poll().await().atMost(Duration.ofSeconds(30));
        stubFirstPage(page(List.of(SquarespaceFixtures.order(order)), cursor), 0);
        squarespace.stubFor(get(urlPathEqualTo(ORDERS)).withQueryParam("cursor", equalTo(cursor))
                .willReturn(aResponse().withStatus(503)));

        assertThatThrownBy(() -> poller.poll().await().atMost(Duration.ofSeconds(30))).hasMessageContaining("503");
        Instant failedFrom = instant(newestWindow(), "modifiedAfter");
        assertThatThrownBy(() -> poller.poll().await().atMost(Duration.ofSeconds(30))).hasMessageContaining("503");

        assertThat(instant(newestWindow(), "modifiedAfter")).as("the mark did not move past a window not read to its end")
                .isEqualTo(failedFrom);
    }

    @Test
    void twoPollsAtOnceReadTheWindowOnce() {
        String order = UUID.randomUUID().toString();
        // the first poll is still reading when the second one asks for the lock
        stubFirstPage(page(List.of(SquarespaceFixtures.order(order)), null), SquarespaceWireMock.READ_TIMEOUT_MS / 2);
        int windowsBefore = windowsRead().size();

        List<Integer> published = Uni.join().all(poller.poll(), poller.poll()).andCollectFailures()
                .await().atMost(Duration.ofSeconds(30));

        assertThat(published).containsExactlyInAnyOrder(1, 0);
        assertThat(windowsRead()).hasSize(windowsBefore + 1);
    }

    private void stubFirstPage(ObjectNode page, int delayMs) {
        squarespace.stubFor(get(urlPathEqualTo(ORDERS)).withQueryParam("modifiedAfter", matching(".+Z"))
                .withQueryParam("modifiedBefore", matching(".+Z")).withQueryParam("cursor", absent())
                .willReturn(json(page).withFixedDelay(delayMs)));
    }

    private LoggedRequest newestWindow() {
        List<LoggedRequest> windows = windowsRead();
        return windows.get(windows.size() - 1);
    }

    private List<LoggedRequest> windowsRead() {
        return squarespace.findAll(getRequestedFor(urlPathEqualTo(ORDERS)).withQueryParam("modifiedAfter", matching(".+")));
    }

    private static List<String> ids(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(r -> TopicReader.header(r, CloudEventHeaders.ID)).toList();
    }

    private static Instant instant(LoggedRequest request, String parameter) {
        return Instant.parse(request.queryParameter(parameter).firstValue());
    }

    private List<ConsumerRecord<String, byte[]>> factsOf(List<String> orders, int count) {
        List<String> keys = orders.stream().map(order -> "squarespace:" + order).toList();
        try (TopicReader facts = new TopicReader(bootstrapServers, Topics.FACTS)) {
            return Awaitility.await().atMost(Duration.ofSeconds(30))
                    .until(() -> facts.poll().stream().filter(r -> keys.contains(r.key())).toList(), found -> found.size() >= count);
        }
    }

    private static ObjectNode page(List<ObjectNode> orders, String nextPageCursor) {
        ObjectNode page = HubJson.mapper().createObjectNode();
        orders.forEach(page.putArray("result")::add);
        page.putObject("pagination").put("hasNextPage", nextPageCursor != null).put("nextPageCursor", nextPageCursor)
                .putNull("nextPageUrl");
        return page;
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(ObjectNode body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(HubJson.write(body));
    }
}
