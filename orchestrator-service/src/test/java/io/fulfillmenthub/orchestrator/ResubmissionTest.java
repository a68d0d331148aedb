package io.fulfillmenthub.orchestrator;

import static io.fulfillmenthub.orchestrator.FactFixtures.AT;
import static io.fulfillmenthub.orchestrator.FactFixtures.await;
import static io.fulfillmenthub.orchestrator.FactFixtures.fulfillment;
import static io.fulfillmenthub.orchestrator.FactFixtures.line;
import static io.fulfillmenthub.orchestrator.FactFixtures.orderPlaced;
import static io.fulfillmenthub.orchestrator.FactFixtures.quantity;
import static io.fulfillmenthub.orchestrator.FactFixtures.send;
import static io.fulfillmenthub.orchestrator.OperationsTokens.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.fulfillmenthub.contracts.HubJson;
import io.fulfillmenthub.contracts.MessageTypes;
import io.fulfillmenthub.contracts.commands.CancelPrintOrder;
import io.fulfillmenthub.contracts.commands.SubmitPrintOrder;
import io.fulfillmenthub.contracts.facts.FulfillmentAccepted;
import io.fulfillmenthub.contracts.facts.FulfillmentCancelled;
import io.fulfillmenthub.contracts.facts.FulfillmentRejected;
import io.fulfillmenthub.contracts.facts.FulfillmentSubmitted;
import io.fulfillmenthub.contracts.facts.OrderCancelledAtSource;
import io.fulfillmenthub.contracts.model.Fulfiller;
import io.fulfillmenthub.contracts.model.Storefront;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.pgclient.PgPool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * An operator resubmits a fulfillment its fulfiller failed or cancelled on its own
 * ({@code POST /orders/{id}/fulfillments/{fid}/resubmit}): a new external id, one submit command, and the
 * fulfiller's facts about the earlier submission noted, not applied.
 */
@QuarkusTest
class ResubmissionTest {

    private static final String RESUBMIT = "/orders/{id}/fulfillments/{f}/resubmit";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    PgPool database;

    @Test
    void aFailedFulfillmentIsResubmittedOnceUnderANewExternalIdAndFactsAboutTheFailedOneChangeNothing() {
        String order = FactFixtures.newOrderId();
        String f1 = order + ":f-1";
        send(kafka, orderPlaced(order, List.of(line("var-1", "TEE-BLK-M", 2)), List.of(fulfillment("f-1", quantity("var-1", 2)))));
        send(kafka, new FulfillmentSubmitted(order, f1, Fulfiller.SPOD, "spod-1", AT));
        send(kafka, new FulfillmentRejected(order, f1, Fulfiller.SPOD, "failed", "print file unreadable", null, AT));
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/orders/{id}", order).then()
                .statusCode(200).body("status", equalTo("FAILED"))
                .body("fulfillments[0].externalOrderId", equalTo(f1))
                .body("fulfillments[0].submissions", equalTo(1)));

        given().post(RESUBMIT, "spresso:no-such-order", "f-1").then().statusCode(404).body("error", equalTo("not_found"));
        given().post(RESUBMIT, order, "f-9").then().statusCode(404).body("error", equalTo("not_found"))
                .body("message", containsString("no fulfillment " + order + ":f-9"));

        given().post(RESUBMIT, order, "f-1").then().statusCode(200)
                .body("status", equalTo("IN_FULFILLMENT"))
                .body("fulfillments[0].status", equalTo("PENDING"))
                .body("fulfillments[0].externalOrderId", equalTo(f1 + "-r2"))
                .body("fulfillments[0].submissions", equalTo(2))
                .body("fulfillments[0].rejectionReason", equalTo(null))
                .body("timeline.note", hasItem("resubmitted to SPOD by operator test-operator as " + f1
                        + "-r2 (submission 2; " + f1 + " was REJECTED)"));
        // pending: a second request is a conflict naming the state, and sends nothing
        given().post(RESUBMIT, order, "f-1").then().statusCode(409).body("error", equalTo("conflict"))
                .body("message", containsString("is PENDING"));

        SubmitPrintOrder resubmitted = await(kafka, MessageTypes.SUBMIT_PRINT_ORDER, order,
                submit -> submit.externalOrderId() != null);
        assertThat(resubmitted.fulfillmentId()).isEqualTo(f1);
        assertThat(resubmitted.externalIdAtFulfiller()).isEqualTo(f1 + "-r2");
        assertThat(resubmitted.items()).singleElement().satisfies(item -> assertThat(item.quantity()).isEqualTo(2));
        FactFixtures.awaitOutboxEmpty(database, order);
        List<SubmitPrintOrder> submits = FactFixtures.publishedSoFar(kafka, MessageTypes.SUBMIT_PRINT_ORDER.topic()).stream()
                .filter(r -> FactFixtures.isOf(r, MessageTypes.SUBMIT_PRINT_ORDER, order))
                .map(r -> HubJson.read(r.value(), SubmitPrintOrder.class)).toList();
        assertThat(submits).extracting(SubmitPrintOrder::externalIdAtFulfiller).containsExactly(f1, f1 + "-r2");

        // SPOD's late word on the failed submission changes nothing; the new one's applies
        send(kafka, new FulfillmentAccepted(order, f1, Fulfiller.SPOD, "spod-1", "confirmed", AT));
        send(kafka, new FulfillmentSubmitted(order, f1, Fulfiller.SPOD, "spod-2", AT, f1 + "-r2"));
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/orders/{id}", order).then()
                .body("fulfillments[0].status", equalTo("SUBMITTED"))
                .body("fulfillments[0].vendorReference", equalTo("spod-2"))
                .body("timeline.note", hasItem(MessageTypes.FULFILLMENT_ACCEPTED.ceType() + " about submission " + f1
                        + ", not the current " + f1 + "-r2: noted, not applied")));
    }

    @Test
    void aFulfillmentCancelledByItsFulfillerIsResubmittableButNotOnceTheStorefrontCancelled() {
        String order = FactFixtures.newOrderId();
        String f1 = order + ":f-1";
        send(kafka, orderPlaced(order, List.of(line("var-1", "TEE-BLK-M", 1)), List.of(fulfillment("f-1", quantity("var-1", 1)))));
        send(kafka, new FulfillmentSubmitted(order, f1, Fulfiller.SPOD, "spod-1", AT));
        // SPOD cancelled it on its own: nobody asked
        send(kafka, new FulfillmentCancelled(order, f1, Fulfiller.SPOD, "canceled at SPOD", AT));
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/orders/{id}", order).then()
                .body("status", equalTo("CANCELLED")).body("fulfillments[0].status", equalTo("CANCELLED")));

        given().post(RESUBMIT, order, "f-1").then().statusCode(200)
                .body("fulfillments[0].externalOrderId", equalTo(f1 + "-r2"))
                .body("status", equalTo("IN_FULFILLMENT"));

        // the storefront cancels now: the cancel names the current submission
        send(kafka, new OrderCancelledAtSource(order, Storefront.SPRESSO, order.substring(8), null, AT));
        CancelPrintOrder cancel = await(kafka, MessageTypes.CANCEL_PRINT_ORDER, order, c -> true);
        assertThat(cancel.externalIdAtFulfiller()).isEqualTo(f1 + "-r2");
        send(kafka, new FulfillmentCancelled(order, f1, Fulfiller.SPOD, null, AT, f1 + "-r2"));
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/orders/{id}", order).then()
                .body("status", equalTo("CANCELLED")).body("fulfillments[0].status", equalTo("CANCELLED")));

        given().post(RESUBMIT, order, "f-1").then().statusCode(409).body("error", equalTo("conflict"))
                .body("message", containsString("cancelled at SPRESSO"));
        given().get("/orders/{id}", order).then().body("fulfillments[0].submissions", equalTo(2));
    }
}
