-- Spresso shipments sent with status shipped, which e-mails the customer: sent once per shipment, so a
-- redelivered AddShipment is not sent again. Keyed as Spresso keys its shipment upsert.
CREATE TABLE spresso_shipment_sent (
    fulfillment_id  text        NOT NULL,
    tracking_number text        NOT NULL,
    command_id      text        NOT NULL,
    sent_at         timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (fulfillment_id, tracking_number)
);
