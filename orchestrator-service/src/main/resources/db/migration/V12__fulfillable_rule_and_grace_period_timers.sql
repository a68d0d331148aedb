-- The hub's own fulfillable rule (issue 13) for orders their storefront does not hold back itself
-- (fulfillableAtSource = false, Squarespace): paid, its storefront's grace period passed, not cancelled.
-- payment: the storefront's payment state (PAID, PENDING, CASH_ON_DELIVERY, REFUNDED); null for orders stored before.
-- fulfillable_after: placed_at + the storefront's grace period, for orders under the hub's rule; null otherwise.
-- hub_forms_fulfillments: the storefront sent no fulfillments; the hub formed them from the lines by its routing rules.
ALTER TABLE orders ADD COLUMN payment text;
ALTER TABLE orders ADD COLUMN fulfillable_after timestamptz;
ALTER TABLE orders ADD COLUMN hub_forms_fulfillments boolean NOT NULL DEFAULT false;

-- One durable timer per order that waits, paid, for its grace period to pass. The poller fires the due ones
-- (FOR UPDATE SKIP LOCKED, with their order rows) in the transaction of the transition they cause and deletes
-- them there; a row exists exactly while the order wants one (the writer inserts, moves and deletes it).
CREATE TABLE grace_period_timer (
    hub_order_id text        PRIMARY KEY REFERENCES orders,
    due_at       timestamptz NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX grace_period_timer_due ON grace_period_timer (due_at);
