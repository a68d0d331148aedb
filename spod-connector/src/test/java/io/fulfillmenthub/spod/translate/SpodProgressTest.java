package io.fulfillmenthub.spod.translate;

import static org.assertj.core.api.Assertions.assertThat;

import io.fulfillmenthub.contracts.MessageIds;
import io.fulfillmenthub.contracts.facts.FulfillmentAccepted;
import io.fulfillmenthub.contracts.facts.FulfillmentCancelled;
import io.fulfillmenthub.contracts.facts.FulfillmentHeld;
import io.fulfillmenthub.contracts.facts.FulfillmentRejected;
import io.fulfillmenthub.contracts.facts.FulfillmentShipped;
import io.fulfillmenthub.contracts.facts.ShipmentDispatched;
import io.fulfillmenthub.contracts.model.LineQuantity;
import io.fulfillmenthub.spod.client.SpodOrder;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SpodProgressTest {

    private static final String FULFILLMENT = "spresso:6114/f-1";
    private static final Instant UPDATED = Instant.parse("2026-11-24T09:00:00Z");
    private static final Instant SENT_AT = Instant.parse("2026-11-24T08:30:00Z");
    private static final List<PrintLine> LINES = List.of(
            new PrintLine("line-1", "812-4-2", 2), new PrintLine("line-2", "812-4-3", 1), new PrintLine("line-3", "812-4-2", 1));

    @Test
    void confirmedAfterSubmittedIsAccepted() {
        SpodProgress.Report report = SpodProgress.of(tracked(ReportedState.SUBMITTED, Set.of()), order("confirmed"));

        assertThat(report.facts()).singleElement().satisfies(envelope -> {
            assertThat(envelope.id()).isEqualTo(MessageIds.derive(FULFILLMENT, "confirmed"));
            assertThat(envelope.source()).hasToString("/spod-connector");
            assertThat(envelope.data()).isEqualTo(new FulfillmentAccepted("spresso:6114", FULFILLMENT,
                    io.fulfillmenthub.contracts.model.Fulfiller.SPOD, FULFILLMENT, "confirmed", UPDATED));
        });
        assertThat(report.reportedState()).isEqualTo(ReportedState.CONFIRMED);
    }

    @Test
    void confirmedAgainReportsNothing() {
        SpodProgress.Report report = SpodProgress.of(tracked(ReportedState.CONFIRMED, Set.of()), order("confirmed"));

        assertThat(report.facts()).isEmpty();
        assertThat(report.reportedState()).isEqualTo(ReportedState.CONFIRMED);
    }

    @Test
    void acknowledgedReportsNothing() {
        assertThat(SpodProgress.of(tracked(ReportedState.SUBMITTED, Set.of()), order("acknowledged")).facts()).isEmpty();
    }

    @Test
    void sentIsOneDispatchPerShipmentThenShippedWithLinesMappedBackByStockKeepingUnit() {
        SpodOrder sent = order("sent",
                shipment("1Z1", new SpodOrder.ShipmentItem("812-4-2", 2)),
                shipment("1Z2", new SpodOrder.ShipmentItem("812-4-3", 1), new SpodOrder.ShipmentItem("812-4-2", 1)));

        SpodProgress.Report report = SpodProgress.of(tracked(ReportedState.CONFIRMED, Set.of()), sent);

        assertThat(report.facts()).extracting(envelope -> envelope.id()).containsExactly(
                MessageIds.derive(FULFILLMENT, "1Z1"), MessageIds.derive(FULFILLMENT, "1Z2"), MessageIds.derive(FULFILLMENT, "sent"));
        ShipmentDispatched first = (ShipmentDispatched) report.facts().get(0).data();
        assertThat(first.lines()).containsExactly(new LineQuantity("line-1", 2));
        assertThat(first.carrier()).isEqualTo("dhl");
        assertThat(first.dispatchedAt()).isEqualTo(SENT_AT);
        ShipmentDispatched second = (ShipmentDispatched) report.facts().get(1).data();
        // line-1 was filled by the first shipment, so the second 812-4-2 is line-3's
        assertThat(second.lines()).containsExactly(new LineQuantity("line-2", 1), new LineQuantity("line-3", 1));
        assertThat(report.facts().get(2).data()).isInstanceOf(FulfillmentShipped.class);
        assertThat(report.reportedState()).isEqualTo(ReportedState.SENT);
        assertThat(report.reportedShipments()).containsExactlyInAnyOrder("1Z1", "1Z2");
    }

    @Test
    void aShipmentsLevelOfServiceGoesIntoItsDispatchAndNoneStaysNone() {
        SpodOrder sent = order("sent",
                new SpodOrder.Shipment("USPS", "1Z1", null, SENT_AT, List.of(new SpodOrder.ShipmentItem("812-4-2", 2)),
                        "Priority Mail"),
                shipment("1Z2", new SpodOrder.ShipmentItem("812-4-3", 1)));

        SpodProgress.Report report = SpodProgress.of(tracked(ReportedState.CONFIRMED, Set.of()), sent);

        assertThat(report.facts()).extracting(envelope -> envelope.data()).filteredOn(ShipmentDispatched.class::isInstance)
                .extracting(fact -> ((ShipmentDispatched) fact).service()).containsExactly("Priority Mail", null);
    }

    @Test
    void sentWithoutConfirmedBeforeIsAcceptedFirst() {
        SpodProgress.Report report = SpodProgress.of(tracked(ReportedState.SUBMITTED, Set.of()),
                order("sent", shipment("1Z1", new SpodOrder.ShipmentItem("812-4-2", 3))));

        assertThat(report.facts()).extracting(envelope -> envelope.data().getClass().getSimpleName())
                .containsExactly("FulfillmentAccepted", "ShipmentDispatched", "FulfillmentShipped");
    }

    @Test
    void aShipmentReportedBeforeIsNotReportedAgainButALaterOneIs() {
        SpodOrder sent = order("sent", shipment("1Z1", new SpodOrder.ShipmentItem("812-4-2", 2)),
                shipment("1Z2", new SpodOrder.ShipmentItem("812-4-3", 1)));

        SpodProgress.Report report = SpodProgress.of(tracked(ReportedState.SENT, Set.of("1Z1")), sent);

        assertThat(report.facts()).singleElement().satisfies(envelope -> {
            assertThat(envelope.id()).isEqualTo(MessageIds.derive(FULFILLMENT, "1Z2"));
            assertThat(((ShipmentDispatched) envelope.data()).lines()).containsExactly(new LineQuantity("line-2", 1));
        });
        assertThat(SpodProgress.of(tracked(ReportedState.SENT, Set.of("1Z1", "1Z2")), sent).facts()).isEmpty();
    }

    @Test
    void failedIsRejectedOnce() {
        SpodProgress.Report report = SpodProgress.of(tracked(ReportedState.CONFIRMED, Set.of()), order("failed"));

        assertThat(report.facts()).singleElement().satisfies(envelope -> {
            assertThat(envelope.id()).isEqualTo(MessageIds.derive(FULFILLMENT, "failed"));
            assertThat(envelope.data()).isInstanceOf(FulfillmentRejected.class);
        });
        assertThat(SpodProgress.of(tracked(report.reportedState(), Set.of()), order("failed")).facts()).isEmpty();
    }

    @Test
    void canceledIsCancelledOnceAndNotAgainAfterTheHubsOwnCancel() {
        SpodProgress.Report report = SpodProgress.of(tracked(ReportedState.SUBMITTED, Set.of()), order("canceled"));

        assertThat(report.facts()).singleElement().satisfies(envelope -> {
            assertThat(envelope.id()).isEqualTo(MessageIds.derive(FULFILLMENT, "canceled"));
            assertThat(envelope.data()).isInstanceOf(FulfillmentCancelled.class);
        });
        assertThat(SpodProgress.of(tracked(ReportedState.CANCELED, Set.of()), order("canceled")).facts()).isEmpty();
    }

    @Test
    void aShipmentMatchingNoLineIsHeldWholeNeverDroppedNorGuessed() {
        SpodProgress.Report report = SpodProgress.of(tracked(ReportedState.CONFIRMED, Set.of()),
                order("sent", shipment("1Z1", new SpodOrder.ShipmentItem("999-9-9", 1), new SpodOrder.ShipmentItem("999-9-8", 2))));

        assertThat(report.facts()).extracting(envelope -> envelope.data().getClass().getSimpleName())
                .containsExactly("FulfillmentHeld", "FulfillmentShipped");
        FulfillmentHeld held = (FulfillmentHeld) report.facts().get(0).data();
        assertThat(held.reason()).isEqualTo(FulfillmentHeld.UNMATCHED_SHIPMENT);
        assertThat(held.fulfillmentId()).isEqualTo(FULFILLMENT);
        assertThat(held.detail()).contains("999-9-9", "999-9-8");
        assertThat(held.parcel()).isEqualTo(new FulfillmentHeld.Parcel("dhl", "1Z1", "https://track.example/1Z1",
                List.of(new FulfillmentHeld.Item("999-9-9", 1), new FulfillmentHeld.Item("999-9-8", 2)), SENT_AT));
        assertThat(report.facts().get(0).id()).isEqualTo(MessageIds.derive(FULFILLMENT, "unmatched-shipment/1Z1"));
        // held once: the next poll reports nothing about it
        assertThat(report.reportedShipments()).containsExactly("1Z1");
        assertThat(SpodProgress.of(tracked(ReportedState.SENT, report.reportedShipments()),
                order("sent", shipment("1Z1", new SpodOrder.ShipmentItem("999-9-9", 1)))).facts()).isEmpty();
    }

    @Test
    void aShipmentWithOneUnitTheOrderDoesNotHaveIsHeldWholeToo() {
        SpodProgress.Report report = SpodProgress.of(tracked(ReportedState.CONFIRMED, Set.of()),
                order("sent", shipment("1Z2", new SpodOrder.ShipmentItem("812-4-2", 2), new SpodOrder.ShipmentItem("999-9-9", 1))));

        assertThat(report.facts()).extracting(envelope -> envelope.data().getClass().getSimpleName())
                .containsExactly("FulfillmentHeld", "FulfillmentShipped");
        FulfillmentHeld held = (FulfillmentHeld) report.facts().get(0).data();
        assertThat(held.parcel().items()).containsExactly(new FulfillmentHeld.Item("812-4-2", 2), new FulfillmentHeld.Item("999-9-9", 1));
        assertThat(held.detail()).contains("999-9-9").doesNotContain("812-4-2");
    }

    private static TrackedOrder tracked(String state, Set<String> shipments) {
        return new TrackedOrder(FULFILLMENT, "spresso:6114", LINES, state, shipments);
    }

    private static SpodOrder order(String state, SpodOrder.Shipment... shipments) {
        return new SpodOrder(FULFILLMENT, state, UPDATED.minusSeconds(3600), UPDATED, List.of(shipments));
    }

    private static SpodOrder.Shipment shipment(String tracking, SpodOrder.ShipmentItem... items) {
        return new SpodOrder.Shipment("dhl", tracking, "https://track.example/" + tracking, SENT_AT, List.of(items), null);
    }
}
