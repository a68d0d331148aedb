-- A row that fails to publish keeps its failures, and one the broker keeps refusing is parked
-- (DESIGN.md, Outbox: "a row that keeps failing is parked and only its own order waits"). The relay
-- publishes no row of an order before an earlier row of that order that failed is published, and none
-- behind a parked row, so one order's messages stay in order; other orders go on (messaging/OutboxRelay).

ALTER TABLE outbox
    ADD COLUMN attempts       integer     NOT NULL DEFAULT 0, -- failed publishes, of any kind
    ADD COLUMN last_error     text,                           -- the last failure, as the producer reported it
    ADD COLUMN last_failed_at timestamptz,                    -- the relay tries it again one tick after this
    ADD COLUMN parked_at      timestamptz;                    -- set after hub.outbox.park-after refusals: not published until an operator retries it

-- The rows that failed, per order in id order: the relay's check for an earlier parked or failed row of
-- the same order, an order's view and the list of parked rows read it. Almost always empty, so it costs
-- the queue nothing: rows are inserted and deleted without ever entering it.
CREATE INDEX outbox_failed ON outbox (message_key, id) WHERE last_error IS NOT NULL;
