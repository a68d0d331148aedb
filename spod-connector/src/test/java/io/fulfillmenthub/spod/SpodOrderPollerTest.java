package io.fulfillmenthub.spod;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.fulfillmenthub.contracts.MessageIds;
import io.fulfillmenthub.contracts.MessageTypes;
import io.fulfillmenthub.contracts.facts.FulfillmentAccepted;
import io.fulfillmenthub.contracts.facts.FulfillmentShipped;
import io.fulfillmenthub.contracts.facts.ShipmentDispatched;
import io.fulfillmenthub.contracts.model.LineQuantity;
import io.fulfillmenthub.kit.messaging.HubPublisher;
import io.fulfillmenthub.spod.client.SpodClient;
import io.fulfillmenthub.spod.config.SpodConfig;
import io.fulfillmenthub.spod.messaging.SpodOrderPoller;
import io.fulfillmenthub.spod.persistence.PrintOrderStore;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The poller, driven directly (its schedule is off in tests), against pages of GET /orders; and two
 * pollers, as two replicas would run them, against one database.
 */
@QuarkusTest
class SpodOrderPollerTest extends SpodConnectorTestSupport {

    private static final Duration LONG_ENOUGH = Duration.ofSeconds(30);

    @Inject
    SpodOrderPoller poller;

    @Inject
    PrintOrderStore store;

    @Inject
    SpodClient spodClient;

    @Inject
    HubPublisher publisher;

    @Inject
    SpodConfig config;

    @Inject
    Pool database;

    @Test
    void reportsAcceptanceAndShipmentsOnceAndKeepsItsCursor() throws Throwable {
        String hubOrderId = submittedPrintOrder();
        String fulfillmentId = hubOrderId + "/f-1";

        Instant before = cursor();
        Instant confirmedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).plus(1, ChronoUnit.DAYS);
        Instant sentAt = confirmedAt.plus(1, ChronoUnit.HOURS);
        String foreign = "elsewhere-" + UUID.randomUUID();
        // a full page (the test page size is 2), then a short one
        stubPage(before, 0, "[" + order(foreign, "sent", confirmedAt.minusSeconds(60), "[]") + ","
                + order(fulfillmentId, "confirmed", confirmedAt, "[]") + "]");
        // the next page starts at the newest time read and reads the order at it again
        stubPage(confirmedAt, 0, "[" + order(fulfillmentId, "confirmed", confirmedAt, "[]") + "]");

        assertThat(poll()).isEqualTo(1);
        assertThat(lastListRequest().queryParameter("updated-since").firstValue()).isEqualTo(confirmedAt.toString());
        FulfillmentAccepted accepted = data(awaitFactWithId(MessageIds.derive(fulfillmentId, "confirmed")),
                FulfillmentAccepted.class);
        assertThat(accepted.fulfillmentId()).isEqualTo(fulfillmentId);
        assertThat(accepted.vendorStatus()).isEqualTo("confirmed");
        assertThat(accepted.acceptedAt()).isEqualTo(confirmedAt);
        assertThat(cursor()).isEqualTo(confirmedAt);

        String shipments = """
                [{"carrier": "ups", "tracking-number": "1Z999", "tracking-url": "https://ups.example/1Z999",
                  "sent-at": "%s", "items": [{"stock-keeping-unit": "812-4-2", "quantity": 2},
                                             {"stock-keeping-unit": "812-4-3", "quantity": 1}]}]
                """.formatted(sentAt);
        stubPage(confirmedAt, 0, "[" + order(fulfillmentId, "sent", sentAt, shipments) + "]");

        assertThat(poll()).isEqualTo(2);
        assertThat(lastListRequest().queryParameter("updated-since").firstValue()).isEqualTo(confirmedAt.toString());
        ShipmentDispatched dispatched = data(awaitFactWithId(MessageIds.derive(fulfillmentId, "1Z999")),
                ShipmentDispatched.class);
        assertThat(dispatched.carrier()).isEqualTo("ups");
        assertThat(dispatched.trackingUrl()).isEqualTo("https://ups.example/1Z999");
        assertThat(dispatched.dispatchedAt()).isEqualTo(sentAt);
        assertThat(dispatched.lines()).containsExactly(new LineQuantity("line-1", 2), new LineQuantity("line-2", 1));
        FulfillmentShipped shipped = data(awaitFactWithId(MessageIds.derive(fulfillmentId, "sent")), FulfillmentShipped.class);
        assertThat(shipped.shippedAt()).isEqualTo(sentAt);
        assertThat(cursor()).isEqualTo(sentAt);

        // the inclusive bound brings the same order again
        stubPage(sentAt, 0, "[" + order(fulfillmentId, "sent", sentAt, shipments) + "]");
        assertThat(poll()).isZero();
        assertThat(lastListRequest().queryParameter("updated-since").firstValue()).isEqualTo(sentAt.toString());
        assertThat(factsAbout(hubOrderId)).extracting(SpodConnectorTestSupport::type).containsExactly(
                MessageTypes.FULFILLMENT_SUBMITTED.ceType(),
                MessageTypes.FULFILLMENT_ACCEPTED.ceType(),
                MessageTypes.SHIPMENT_DISPATCHED.ceType(),
                MessageTypes.FULFILLMENT_SHIPPED.ceType());
        assertThat(factsAbout(foreign)).isEmpty();
    }

    @Test
    void aPollThatFailsHalfWayKeepsTheCursorOfThePagesItStored() throws Throwable {
        Instant before = cursor();
        Instant first = before.plusSeconds(1);
        Instant second = before.plusSeconds(2);
        stubPage(before, 0, "[" + order("elsewhere-" + UUID.randomUUID(), "confirmed", first, "[]") + ","
                + order("elsewhere-" + UUID.randomUUID(), "confirmed", second, "[]") + "]");
        // the next page (from the second time, reading the order at it again) fails for good
        spod.stubFor(get(urlPathEqualTo("/spod/orders"))
                .withQueryParam("offset", equalTo("0"))
                .withQueryParam("updated-since", equalTo(second.toString()))
                .willReturn(WireMock.aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"message\": \"bad offset\", \"trace-id\": \"t-1\", \"retryable\": false}")));

        assertThatThrownBy(this::poll).hasMessageContaining("400");

        // the first page is not read again: the next poll starts where it left off
        assertThat(cursor()).isEqualTo(second);
    }

    @Test
    void anOrderChangingWhilePollingDoesNotHideAnotherUpdatedAtTheSameTime() throws Throwable {
        String hubOrderId = submittedPrintOrder();
        String fulfillmentId = hubOrderId + "/f-1";

        Instant before = cursor();
        Instant t1 = before.plusSeconds(1);
        Instant t2 = before.plusSeconds(2);
        Instant t3 = before.plusSeconds(3);
        String a = "elsewhere-" + UUID.randomUUID();
        String b = "elsewhere-" + UUID.randomUUID();
        stubPage(before, 0, "[" + order(a, "confirmed", t1, "[]") + "," + order(b, "acknowledged", t2, "[]") + "]");
        // after the first page, B changes: it leaves t2, and the hub's order, also at t2, moves up to first
        stubPage(t2, 0, "[" + order(fulfillmentId, "confirmed", t2, "[]") + "," + order(b, "confirmed", t3, "[]") + "]");
        stubPage(t2, 1, "[" + order(b, "confirmed", t3, "[]") + "]");
        stubPage(t3, 0, "[" + order(b, "confirmed", t3, "[]") + "]");

        assertThat(poll()).isEqualTo(1);
        FulfillmentAccepted accepted = data(awaitFactWithId(MessageIds.derive(fulfillmentId, "confirmed")),
                FulfillmentAccepted.class);
        assertThat(accepted.acceptedAt()).isEqualTo(t2);
        assertThat(cursor()).isEqualTo(t3);
    }

    @Test
    void whileOneReplicaPollsAnotherDoesNotAndWhenTheFirstDiesTheOtherTakesOver() throws Throwable {
        // the other replica's poller: the same database and SPOD, a poller of its own
        SpodOrderPoller otherReplica = new SpodOrderPoller(spodClient, publisher, store, config, database);
        database.query("INSERT INTO poll_cursor (name, updated_since, updated_at) VALUES ('spod-orders', 'epoch', now()) "
                + "ON CONFLICT DO NOTHING").execute().await().atMost(LONG_ENOUGH);
        Instant before = cursor();
        Instant later = before.plusSeconds(1);
        stubPage(before, 0, "[" + order("elsewhere-" + UUID.randomUUID(), "confirmed", later, "[]") + "]");
        int asked = pagesAskedFrom(before);
        // the first replica's poll stops where it stores its page: this transaction holds the cursor's row
        SqlConnection cursorHolder = database.getConnection().await().atMost(LONG_ENOUGH);
        cursorHolder.query("BEGIN").execute().await().atMost(LONG_ENOUGH);
        cursorHolder.query("SELECT * FROM poll_cursor FOR UPDATE").execute().await().atMost(LONG_ENOUGH);
        try {
            CompletableFuture<Integer> first = pollInTheBackground(poller);
            Awaitility.await().atMost(LONG_ENOUGH).until(() -> pagesAskedFrom(before) == asked + 1);

            // the other replica's turn comes while the first polls: it does not ask SPOD
            assertThat(pollInTheBackground(otherReplica).get(60, TimeUnit.SECONDS)).isZero();
            assertThat(pagesAskedFrom(before)).isEqualTo(asked + 1);

            // the first replica dies: the server ends its session, and with it the lock
            database.query("SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND granted "
                    + "AND database = (SELECT oid FROM pg_database WHERE datname = current_database())")
                    .execute().await().atMost(LONG_ENOUGH);
            // as the scheduler would, the other replica polls again at its next tick while it has not asked:
            // a poll can fail on a pooled connection the server ended along with the first replica's
            AtomicReference<CompletableFuture<Integer>> tick = new AtomicReference<>();
            Awaitility.await().atMost(LONG_ENOUGH).until(() -> {
                if (pagesAskedFrom(before) == asked + 2) {
                    return true;
                }
                if (tick.get() == null || tick.get().isDone()) {
                    tick.set(pollInTheBackground(otherReplica));
                }
                return false;
            });
            CompletableFuture<Integer> second = tick.get();

            cursorHolder.query("ROLLBACK").execute().await().atMost(LONG_ENOUGH);
            assertThat(second.get(60, TimeUnit.SECONDS)).isZero();
            // the first poll stored its page too, but could not end the transaction of a lock it had lost
            assertThatThrownBy(() -> first.get(60, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
            assertThat(cursor()).isEqualTo(later);
        } finally {
            // a no-op once rolled back above; back in the pool, the connection must hold nothing
            cursorHolder.query("ROLLBACK").execute().await().atMost(LONG_ENOUGH);
            cursorHolder.close().await().atMost(LONG_ENOUGH);
        }
    }

    private static CompletableFuture<Integer> pollInTheBackground(SpodOrderPoller poller) {
        CompletableFuture<Integer> done = new CompletableFuture<>();
        // on a Vert.x context, as the scheduler runs it
        VertxContextSupport.subscribe(() -> poller.poll().toMulti(),
                subscribe -> subscribe.with(done::complete, done::completeExceptionally));
        return done;
    }

    private int pagesAskedFrom(Instant updatedSince) {
        return spod.findAll(getRequestedFor(urlPathEqualTo("/spod/orders"))
                .withQueryParam("updated-since", equalTo(updatedSince.toString()))).size();
    }

    /** A print order the hub submitted to SPOD, so the poller tracks it; answers its hub order id. */
    private String submittedPrintOrder() {
        String hubOrderId = newHubOrderId();
        String fulfillmentId = hubOrderId + "/f-1";
        spod.stubFor(post(urlPathEqualTo("/spod/orders"))
                .withRequestBody(matchingJsonPath("$.external-order-id", equalTo(fulfillmentId)))
                .willReturn(WireMock.aResponse().withStatus(201)));
        String commandId = UUID.randomUUID().toString();
        send(commandId, submitPrintOrder(hubOrderId, fulfillmentId));
        awaitFact(commandId, "fulfillment-submitted");
        return hubOrderId;
    }

    private int poll() throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> poller.poll());
    }

    private Instant cursor() throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> store.cursor());
    }

    private void stubPage(Instant updatedSince, int offset, String orders) {
        spod.stubFor(get(urlPathEqualTo("/spod/orders"))
                .withQueryParam("updated-since", equalTo(updatedSince.toString()))
                .withQueryParam("offset", equalTo(String.valueOf(offset)))
                .withQueryParam("limit", equalTo("2"))
                .willReturn(okJson(orders)));
    }

    private LoggedRequest lastListRequest() {
        return spod.findAll(getRequestedFor(urlPathEqualTo("/spod/orders")).withQueryParam("offset", equalTo("0"))).stream()
                .max(Comparator.comparing(LoggedRequest::getLoggedDate))
                .orElseThrow();
    }

    private static String order(String fulfillmentId, String state, Instant updated, String shipments) {
        return """
                {"external-order-id": "%s", "state": "%s", "created": "2026-11-23T10:15:30Z", "updated": "%s",
                 "items": [], "shipping": {}, "shipments": %s}
                """.formatted(fulfillmentId, state, updated, shipments);
    }

}
