package io.fulfillmenthub.spod;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.fulfillmenthub.contracts.MessageTypes;
import io.fulfillmenthub.contracts.commands.CancelPrintOrder;
import io.fulfillmenthub.contracts.commands.SubmitPrintOrder;
import io.fulfillmenthub.contracts.facts.FulfillmentAccepted;
import io.fulfillmenthub.contracts.facts.FulfillmentCancelled;
import io.fulfillmenthub.contracts.facts.FulfillmentRejected;
import io.fulfillmenthub.contracts.facts.FulfillmentShipped;
import io.fulfillmenthub.contracts.facts.FulfillmentSubmitted;
import io.fulfillmenthub.contracts.facts.ShipmentDispatched;
import io.fulfillmenthub.spod.messaging.SpodOrderPoller;
import io.fulfillmenthub.testing.VendorFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A fulfillment SPOD failed, submitted again under the external id the orchestrator chose
 * ({@code <fulfillment id>-r2}): a second SPOD order, whose facts say which submission they are about,
 * while the first one's row and facts stay its own.
 */
@QuarkusTest
class ResubmissionTest extends SpodConnectorTestSupport {

    private static final Duration LONG_ENOUGH = Duration.ofSeconds(30);
    private static final SpodOrderListDouble LIST = SpodSimulator.ORDER_LIST;

    @Inject
    SpodOrderPoller poller;

    @Inject
    Pool database;

    private StubMapping theList;

    @BeforeEach
    void aFreshWindowOverTheDoublesList() {
        database.query("DELETE FROM poll_cursor").execute().await().atMost(LONG_ENOUGH);
        LIST.reset(SpodOrderListDouble.Shape.ARRAY, SpodOrderListDouble.Order.UPDATED);
        theList = spod.stubFor(get(urlPathEqualTo("/spod/orders"))
                .willReturn(WireMock.aResponse().withTransformers(SpodOrderListDouble.NAME)));
    }

    @AfterEach
    void removeTheList() {
        spod.removeStub(theList);
    }

    @Test
    void aResubmissionIsASecondSpodOrderAndEachOrdersFactsCarryItsId() throws Throwable {
        String hubOrderId = newHubOrderId();
        String fulfillmentId = hubOrderId + "/f-1";
        String resubmissionId = fulfillmentId + "-r2";
        spod.stubFor(PrintOrderCommandsTest.submitOf(fulfillmentId).willReturn(PrintOrderCommandsTest.created()));
        spod.stubFor(PrintOrderCommandsTest.submitOf(resubmissionId).willReturn(PrintOrderCommandsTest.created()));
        SubmitPrintOrder first = submitPrintOrder(hubOrderId, fulfillmentId);

        String firstCommand = UUID.randomUUID().toString();
        send(firstCommand, first);
        FulfillmentSubmitted firstSubmitted = data(awaitFact(firstCommand, "fulfillment-submitted"), FulfillmentSubmitted.class);
        assertThat(firstSubmitted.externalOrderId()).isNull();
        assertThat(firstSubmitted.vendorReference()).isEqualTo(fulfillmentId);
        LIST.submit(fulfillmentId);
        LIST.change(fulfillmentId, "failed", "[]");
        poll();

        SubmitPrintOrder resubmit = new SubmitPrintOrder(hubOrderId, fulfillmentId, first.currency(), first.items(),
                first.shipping(), resubmissionId);
        String resubmitCommand = UUID.randomUUID().toString();
        send(resubmitCommand, resubmit);
        // the same command delivered again creates nothing new
        send(resubmitCommand, resubmit);
        // same key, so handled after both deliveries of the resubmission
        String other = hubOrderId + "/f-2";
        spod.stubFor(PrintOrderCommandsTest.submitOf(other).willReturn(PrintOrderCommandsTest.created()));
        String laterCommand = UUID.randomUUID().toString();
        send(laterCommand, submitPrintOrder(hubOrderId, other));
        awaitFact(laterCommand, "fulfillment-submitted");

        FulfillmentSubmitted resubmitted = data(awaitFact(resubmitCommand, "fulfillment-submitted"), FulfillmentSubmitted.class);
        assertThat(resubmitted.fulfillmentId()).isEqualTo(fulfillmentId);
        assertThat(resubmitted.externalOrderId()).isEqualTo(resubmissionId);
        assertThat(resubmitted.vendorReference()).isEqualTo(resubmissionId);
        assertThat(spod.findAll(postRequestedFor(urlPathEqualTo("/spod/orders"))).stream()
                .sorted(Comparator.comparing(LoggedRequest::getLoggedDate))
                .map(request -> json(request.getBodyAsString()).get("external-order-id").asText())
                .filter(id -> id.startsWith(fulfillmentId)))
                .containsExactly(fulfillmentId, resubmissionId);
        assertThat(printOrders(fulfillmentId)).containsExactly(fulfillmentId + " failed", resubmissionId + " submitted");

        LIST.submit(resubmissionId);
        LIST.change(resubmissionId, "sent", """
                [{"carrier": "UPS", "tracking-number": "1ZRESUB", "sent-at": "2026-12-03T10:00:00Z",
                  "items": [{"stock-keeping-unit": "812-4-2", "quantity": 2}, {"stock-keeping-unit": "812-4-3", "quantity": 1}]}]
                """);
        poll();

        List<ConsumerRecord<String, byte[]>> facts = factsAbout(hubOrderId);
        assertThat(facts).extracting(SpodConnectorTestSupport::type).containsExactly(
                MessageTypes.FULFILLMENT_SUBMITTED.ceType(), MessageTypes.FULFILLMENT_REJECTED.ceType(),
                MessageTypes.FULFILLMENT_SUBMITTED.ceType(), MessageTypes.FULFILLMENT_SUBMITTED.ceType(),
                MessageTypes.FULFILLMENT_ACCEPTED.ceType(), MessageTypes.SHIPMENT_DISPATCHED.ceType(),
                MessageTypes.FULFILLMENT_SHIPPED.ceType());
        assertThat(data(facts.get(1), FulfillmentRejected.class).externalOrderId()).isNull();
        assertThat(data(facts.get(4), FulfillmentAccepted.class).externalOrderId()).isEqualTo(resubmissionId);
        ShipmentDispatched dispatched = data(facts.get(5), ShipmentDispatched.class);
        assertThat(dispatched.externalOrderId()).isEqualTo(resubmissionId);
        assertThat(dispatched.fulfillmentId()).isEqualTo(fulfillmentId);
        assertThat(data(facts.get(6), FulfillmentShipped.class).externalOrderId()).isEqualTo(resubmissionId);
        // reading both orders again reports nothing new
        assertThat(poll()).isZero();
    }

    @Test
    void aCancelOfAResubmissionCancelsItsOwnSpodOrder() {
        String hubOrderId = newHubOrderId();
        String fulfillmentId = hubOrderId + "/f-1";
        String resubmissionId = fulfillmentId + "-r2";
        spod.stubFor(post(urlPathEqualTo(orderPath(resubmissionId) + "/cancel"))
                .willReturn(okJson(VendorFixtures.text("spod/cancel-response.json"))));
        String commandId = UUID.randomUUID().toString();

        send(commandId, new CancelPrintOrder(hubOrderId, fulfillmentId, "customer changed their mind", resubmissionId));

        FulfillmentCancelled cancelled = data(awaitFact(commandId, "fulfillment-cancelled"), FulfillmentCancelled.class);
        assertThat(cancelled.fulfillmentId()).isEqualTo(fulfillmentId);
        assertThat(cancelled.externalOrderId()).isEqualTo(resubmissionId);
        assertThat(spod.findAll(postRequestedFor(urlPathEqualTo(orderPath(resubmissionId) + "/cancel")))).hasSize(1);
        assertThat(spod.findAll(postRequestedFor(urlPathEqualTo(orderPath(fulfillmentId) + "/cancel")))).isEmpty();
    }

    private int poll() throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> poller.poll());
    }

    /** The fulfillment's print_order rows as "external id, reported state", oldest first. */
    private List<String> printOrders(String fulfillmentId) {
        List<String> rows = new ArrayList<>();
        for (Row row : database.preparedQuery("SELECT external_order_id, reported_state FROM print_order "
                        + "WHERE fulfillment_id = $1 ORDER BY created_at, external_order_id")
                .execute(Tuple.of(fulfillmentId)).await().atMost(LONG_ENOUGH)) {
            rows.add(row.getString("external_order_id") + " " + row.getString("reported_state"));
        }
        return rows;
    }
}
