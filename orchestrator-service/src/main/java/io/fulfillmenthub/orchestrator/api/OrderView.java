package io.fulfillmenthub.orchestrator.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An order as operators see it: state, fulfillments with per-line quantities, shipments, holds and the timeline.
 *
 * @param blocked null unless the order has dead letters not replayed yet
 * @param payment the storefront's payment state (null for orders stored before the hub kept it)
 * @param waiting null unless the order is AWAITING_FULFILLABLE: why, and until when
 * @param unpublished the order's messages the outbox relay could not publish: parked until an operator
 *        retries them ({@code POST /outbox/parked/{id}/retry}), or still being retried; the order's later
 *        messages wait behind them
 */
public record OrderView(
        String hubOrderId,
        String storefront,
        String sourceOrderId,
        String orderNumber,
        String status,
        boolean cancelledAtSource,
        List<String> holdReasons,
        Blocked blocked,
        String payment,
        Waiting waiting,
        Instant placedAt,
        Instant updatedAt,
        long version,
        List<Line> lines,
        List<FulfillmentView> fulfillments,
        List<ShipmentView> shipments,
        List<TimelineView> timeline,
        List<OutboxMessageView> unpublished) {

    /**
     * The order waits: a consumer could not process one of its messages, and holds its later ones until the
     * dead letter is replayed ({@code POST /dead-letters/replay {"order": ...}}). Its status does not change.
     *
     * @param reason which consumer could not process what, and why
     * @param deadLetters every dead letter of the order not replayed yet, in the order they were written
     */
    public record Blocked(String reason, List<DeadLetterView> deadLetters) {
    }

    /**
     * Why an order awaiting fulfillable waits: {@code awaiting payment}, {@code refunded: not sent},
     * {@code in grace period until T}, or {@code fulfillable at T} (due: its timer fires within a poll).
     *
     * @param until when the wait ends by itself; null when the storefront must say more (a payment)
     */
    public record Waiting(String reason, Instant until) {
    }

    public record Line(String lineId, String variantId, String sku, String name, int quantity, BigDecimal unitPrice) {
    }

    /**
     * @param hold null unless its fulfiller's connector holds it for an operator ({@code FulfillmentHeld})
     * @param heldParcels parcels the connector could not match, each with the shipment an operator made of it
     * @param externalOrderId the current submission's id at the fulfiller: the fulfillment id for the first,
     *        {@code <fulfillmentId>-r<n>} for a resubmission; null while it was never routed
     * @param submissions how often it was sent to its fulfiller (1 until it is resubmitted)
     * @param mode for a store sale: {@code PICKUP} or {@code DELIVERY}; null for other fulfillers
     * @param outlet for a store sale: the outlet's name in the hub's routing data
     * @param outletId for a store sale: the outlet's id at the point of sale
     * @param saleId for a store sale: the sale's id at the point of sale, once created (the vendor reference)
     */
    public record FulfillmentView(String fulfillmentId, String sourceFulfillmentId, String fulfiller, String status,
            String externalOrderId, int submissions, String vendorReference, String holdReason, String rejectionReason,
            long version,
            List<FulfillmentLineView> lines, Hold hold, List<HeldParcelView> heldParcels, String mode, String outlet,
            String outletId, String saleId) {
    }

    /** @param statusBefore where the fulfillment was, and where the fulfiller's later facts moved it while held */
    public record Hold(String reason, String detail, String statusBefore) {
    }

    public record HeldParcelView(String carrier, String trackingNumber, String trackingUrl, List<ParcelItemView> items,
            Instant dispatchedAt, Instant heldAt, String assignedShipmentId) {
    }

    public record ParcelItemView(String vendorSku, int quantity) {
    }

    public record FulfillmentLineView(String lineId, String sku, String fulfillerSku, int ordered, int shipped) {
    }

    public record ShipmentView(String shipmentId, String fulfillmentId, String carrier, String trackingNumber,
            String trackingUrl, Instant dispatchedAt, Instant deliveredAt, List<ShipmentLineView> lines) {
    }

    public record ShipmentLineView(String lineId, int quantity) {
    }

    /** One transition (or refusal) and the fact that caused it. */
    public record TimelineView(Instant at, Instant recordedAt, Cause cause, String fulfillmentId, String from, String to,
            String note) {
    }

    public record Cause(String type, String id) {
    }
}
