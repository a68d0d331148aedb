-- The print orders this connector submitted to SPOD, written before the submit, so the poller can tell
-- the hub's orders from others and map SPOD's stock-keeping units back to order lines.
CREATE TABLE print_order (
    fulfillment_id     text        PRIMARY KEY,  -- SPOD's external-order-id
    hub_order_id       text        NOT NULL,
    lines              text        NOT NULL,     -- JSON [{lineId, stockKeepingUnit, quantity}] in submit order
    reported_state     text        NOT NULL,     -- submitted, rejected, confirmed, sent, failed, canceled
    reported_shipments text        NOT NULL,     -- JSON [tracking number] already reported
    created_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL
);

-- Where the poller of GET /orders?updated-since= goes on from (the bound is inclusive).
CREATE TABLE poll_cursor (
    name          text        PRIMARY KEY,
    updated_since timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL
);
