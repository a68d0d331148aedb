-- Squarespace's fulfillment call is not idempotent (each call adds shipments): a shipment is claimed here, in
-- its own transaction, before the call, and marked posted after Squarespace's 2xx. A claimed row that was never
-- marked (a crash, a timeout) is checked against the order's fulfillments before any second call.
CREATE TABLE squarespace_shipment_posted (
    shipment_id     text        NOT NULL PRIMARY KEY,
    order_id        text        NOT NULL,
    tracking_number text        NOT NULL,
    command_id      text        NOT NULL,
    claimed_at      timestamptz NOT NULL DEFAULT now(),
    posted_at       timestamptz
);

-- The reconciliation poller's high-water mark: the next window starts here (less the overlap). Moved only after
-- every page of a window was published and acknowledged.
CREATE TABLE squarespace_reconcile_mark (
    name           text        NOT NULL PRIMARY KEY,
    modified_after timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL DEFAULT now()
);
