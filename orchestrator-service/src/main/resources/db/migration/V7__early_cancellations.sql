-- An OrderCancelledAtSource that came before its OrderPlaced (a storefront's retry can reorder its
-- webhooks): kept until the order arrives, which is then cancelled at once and never sent to a
-- fulfiller. The first one kept counts; a repeat is dropped by the inbox or ON CONFLICT DO NOTHING.
CREATE TABLE early_cancellation (
    hub_order_id    text        PRIMARY KEY, -- no foreign key: the order has not arrived
    storefront      text        NOT NULL,
    source_order_id text        NOT NULL,
    reason          text,
    cancelled_at    timestamptz NOT NULL,
    fact_type       text        NOT NULL,   -- the cancellation's ce_type and ce_id, named on the order's timeline
    fact_id         text        NOT NULL,
    occurred_at     timestamptz NOT NULL,
    recorded_at     timestamptz NOT NULL DEFAULT now()
);
