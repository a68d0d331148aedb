package io.fulfillmenthub.spod;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.fulfillmenthub.contracts.CloudEventHeaders;
import io.fulfillmenthub.contracts.MessageIds;
import io.fulfillmenthub.contracts.MessageTypes;
import io.fulfillmenthub.contracts.facts.ShipmentDispatched;
import io.fulfillmenthub.contracts.model.LineQuantity;
import io.fulfillmenthub.kit.messaging.HubPublisher;
import io.fulfillmenthub.spod.client.SpodClient;
import io.fulfillmenthub.spod.config.SpodConfig;
import io.fulfillmenthub.spod.messaging.SpodOrderPoller;
import io.fulfillmenthub.spod.persistence.PrintOrderStore;
import io.fulfillmenthub.spod.translate.PrintLine;
import io.fulfillmenthub.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The poller, driven directly (its schedule is off in tests), against SPOD's order list as a test double
 * ({@link SpodOrderListDouble}) in each shape and sort order SPOD might use; and two pollers, as two
 * replicas would run them, against one database. The test profile has no overlap, so the window's own
 * logic is what finds every change.
 */
@QuarkusTest
class SpodOrderPollerTest extends SpodConnectorTestSupport {

    private static final Duration LONG_ENOUGH = Duration.ofSeconds(30);
    private static final SpodOrderListDouble LIST = SpodSimulator.ORDER_LIST;

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

    /** SPOD's list as every test here answers it, unless a test stubs a page of its own. */
    private StubMapping theList;

    @BeforeEach
    void aFreshWindowOverTheDoublesList() {
        // every test starts from an empty window: the cursor is one row shared by the tests
        database.query("DELETE FROM poll_cursor").execute().await().atMost(LONG_ENOUGH);
        LIST.reset(SpodOrderListDouble.Shape.ARRAY, SpodOrderListDouble.Order.UPDATED);
        theList = spod.stubFor(get(urlPathEqualTo("/spod/orders"))
                .willReturn(WireMock.aResponse().withTransformers(SpodOrderListDouble.NAME)));
    }

    @AfterEach
    void removeTheList() {
        spod.removeStub(theList);
    }

    static Stream<Arguments> everyShapeAndOrder() {
        return Arrays.stream(SpodOrderListDouble.Shape.values()).flatMap(shape -> Arrays.stream(SpodOrderListDouble.Order.values())
                .map(order -> Arguments.of(shape, order)));
    }

    /**
     * Six print orders of the hub and three of others; some confirmed, then all sent, with orders changing
     * while a poll pages (a change to an order already read shifts a list sorted by update under the poll).
     * Whatever the list's shape and order, each change is reported once: one acceptance, one shipment, one
     * shipped each.
     */
    @ParameterizedTest(name = "{0}, sorted by {1}")
    @MethodSource("everyShapeAndOrder")
    void everyChangeIsReportedExactlyOnceWhateverTheListsShapeAndOrder(SpodOrderListDouble.Shape shape,
            SpodOrderListDouble.Order order) throws Throwable {
        LIST.reset(shape, order);
        String hubOrderId = newHubOrderId();
        List<String> hubs = IntStream.rangeClosed(1, 6).mapToObj(i -> hubOrderId + "/f-" + i).toList();
        List<String> others = IntStream.rangeClosed(1, 3).mapToObj(i -> "elsewhere-" + UUID.randomUUID()).toList();
        for (String fulfillmentId : hubs) {
            tracked(hubOrderId, fulfillmentId);
        }
        hubs.forEach(LIST::submit);
        others.forEach(LIST::submit);
        assertThat(poll()).isZero();

        for (String id : List.of(hubs.get(0), hubs.get(2), hubs.get(4), others.get(0))) {
            LIST.change(id, "confirmed", "[]");
        }
        // while the next poll pages: every order of its first page still acknowledged is confirmed
        LIST.afterPage(1, served -> served.stream().filter(id -> LIST.state(id).equals("acknowledged"))
                .forEach(id -> LIST.change(id, "confirmed", "[]")));
        pollUntilNothingNew();

        for (String id : hubs) {
            LIST.change(id, "sent", parcel(id));
        }
        // and while the next one pages, the others change
        LIST.afterPage(2, served -> others.forEach(id -> LIST.change(id, "sent", parcel(id))));
        pollUntilNothingNew();

        List<String> ids = factsAbout(hubOrderId).stream().map(record -> TopicReader.header(record, CloudEventHeaders.ID))
                .toList();
        List<String> expected = new ArrayList<>();
        for (String fulfillmentId : hubs) {
            expected.add(MessageIds.derive(fulfillmentId, "confirmed"));
            expected.add(MessageIds.derive(fulfillmentId, tracking(fulfillmentId)));
            expected.add(MessageIds.derive(fulfillmentId, "sent"));
        }
        assertThat(ids).containsExactlyInAnyOrderElementsOf(expected);
        ShipmentDispatched dispatched = data(awaitFactWithId(MessageIds.derive(hubs.get(0), tracking(hubs.get(0)))),
                ShipmentDispatched.class);
        assertThat(dispatched.lines()).containsExactly(new LineQuantity("line-1", 2));
    }

    @Test
    void theWindowMovesOnlyAfterItsLastPageAndAPollThatFailsHalfWayReportsNothingTwice() throws Throwable {
        String hubOrderId = newHubOrderId();
        String fulfillmentId = hubOrderId + "/f-1";
        tracked(hubOrderId, fulfillmentId);
        // sorted newest first, the hub's order is on the first page (the test page size is 2) ...
        LIST.reset(SpodOrderListDouble.Shape.ARRAY, SpodOrderListDouble.Order.NEWEST_FIRST);
        LIST.submit("elsewhere-" + UUID.randomUUID());
        LIST.submit("elsewhere-" + UUID.randomUUID());
        LIST.submit(fulfillmentId);
        LIST.change(fulfillmentId, "confirmed", "[]");
        // ... and the second page fails for good
        StubMapping failing = spod.stubFor(get(urlPathEqualTo("/spod/orders")).atPriority(1)
                .withQueryParam("offset", equalTo("2"))
                .willReturn(WireMock.aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"message\": \"bad offset\", \"trace-id\": \"t-1\", \"retryable\": false}")));
        try {
            assertThatThrownBy(this::poll).hasMessageContaining("400");
            assertThat(awaitFactWithId(MessageIds.derive(fulfillmentId, "confirmed"))).isNotNull();
            // the window stays where it was: the next poll reads it whole again
            assertThat(cursor()).isEqualTo(Instant.EPOCH);
        } finally {
            spod.removeStub(failing);
        }

        assertThat(poll()).isZero();
        assertThat(cursor()).isEqualTo(LIST.lastStamp());
        assertThat(factsAbout(hubOrderId)).extracting(SpodConnectorTestSupport::type)
                .containsExactly(MessageTypes.FULFILLMENT_ACCEPTED.ceType());
    }

    @Test
    void whileOneReplicaPollsAnotherDoesNotAndWhenTheFirstDiesTheOtherTakesOver() throws Throwable {
        // the other replica's poller: the same database and SPOD, a poller of its own
        SpodOrderPoller otherReplica = new SpodOrderPoller(spodClient, publisher, store, config, database);
        database.query("INSERT INTO poll_cursor (name, updated_since, updated_at) VALUES ('spod-orders', 'epoch', now()) "
                + "ON CONFLICT DO NOTHING").execute().await().atMost(LONG_ENOUGH);
        Instant before = cursor();
        Instant later = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(1);
        stubPage(before, 0, "[" + order("elsewhere-" + UUID.randomUUID(), "confirmed", later, "[]") + "]");
        int asked = pagesAskedFrom(before);
        // the first replica's poll stops where it stores the cursor: this transaction holds the cursor's row
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


    private int poll() throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> poller.poll());
    }

    private Instant cursor() throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> store.cursor());
    }

    private void stubPage(Instant updatedSince, int offset, String orders) {
        spod.stubFor(get(urlPathEqualTo("/spod/orders")).atPriority(1)
                .withQueryParam("updated-since", equalTo(updatedSince.toString()))
                .withQueryParam("offset", equalTo(String.valueOf(offset)))
                .withQueryParam("limit", equalTo("2"))
                .willReturn(okJson(orders)));
    }

    private static String order(String fulfillmentId, String state, Instant updated, String shipments) {
        return """
                {"external-order-id": "%s", "state": "%s", "created": "2026-11-23T10:15:30Z", "updated": "%s",
                 "items": [], "shipping": {}, "shipments": %s}
                """.formatted(fulfillmentId, state, updated, shipments);
    }

    /** A print order the hub submitted (one line, 812-4-2 ×2), as the submit stores it, so the poller tracks it. */
    private void tracked(String hubOrderId, String fulfillmentId) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> store.beginSubmit(UUID.randomUUID().toString(), fulfillmentId, fulfillmentId,
                hubOrderId, List.of(new PrintLine("line-1", "812-4-2", 2))));
    }

    /** Polls as the schedule would until a poll reports nothing; a few polls at most. */
    private void pollUntilNothingNew() throws Throwable {
        int polls = 0;
        while (poll() > 0) {
            assertThat(++polls).as("polls that reported something").isLessThan(5);
        }
    }

    private static String tracking(String id) {
        return "1Z" + Integer.toHexString(id.hashCode()).toUpperCase(java.util.Locale.ROOT);
    }

    /** One parcel with the order's units. */
    private static String parcel(String id) {
        return """
                [{"carrier": "UPS", "tracking-number": "%s", "tracking-url": "https://ups.example/%s",
                  "sent-at": "2026-12-03T10:00:00Z", "items": [{"stock-keeping-unit": "812-4-2", "quantity": 2}]}]
                """.formatted(tracking(id), tracking(id));
    }
}
