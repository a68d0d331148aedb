-- A fulfillment its fulfiller's connector held for an operator (FulfillmentHeld): the reason's code, the
-- detail, and where it was (and where the fulfiller's later facts moved it) while held.
ALTER TABLE fulfillment ADD COLUMN hold_code text;
ALTER TABLE fulfillment ADD COLUMN hold_detail text;
ALTER TABLE fulfillment ADD COLUMN status_before_hold text;

-- A parcel the connector could not match to the fulfillment's lines, kept whole until an operator assigns
-- it (POST /orders/{orderId}/fulfillments/{fulfillmentId}/parcels/{trackingNumber}/assign).
CREATE TABLE held_parcel (
    fulfillment_id       text        NOT NULL REFERENCES fulfillment,
    tracking_number      text        NOT NULL,
    hub_order_id         text        NOT NULL REFERENCES orders,
    carrier              text        NOT NULL,
    tracking_url         text,
    items                text        NOT NULL, -- [{vendorSku, quantity}] as the fulfiller named them (JSON)
    dispatched_at        timestamptz,
    held_at              timestamptz NOT NULL,
    assigned_shipment_id text,                 -- the shipment an operator made of it; null while it waits
    PRIMARY KEY (fulfillment_id, tracking_number)
);
CREATE INDEX held_parcel_by_order ON held_parcel (hub_order_id);
