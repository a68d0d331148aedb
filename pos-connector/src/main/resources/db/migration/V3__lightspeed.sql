-- One row per hub fulfillment sent to Lightspeed. Creating a sale is not idempotent, so the row is claimed
-- (inserted, its own transaction) before POST /api/register_sales and the sale id recorded after it. A row
-- claimed but without a sale id (a crash, a lost answer) is reconciled by searching the change feed for its
-- source_id from feed_after before any second create. cancelled_before_sale: a CancelSale came first, so no
-- sale is ever made for it.
CREATE TABLE lightspeed_sale (
    fulfillment_id        text        NOT NULL PRIMARY KEY,
    hub_order_id          text        NOT NULL,
    mode                  text,
    command_id            text,
    feed_after            bigint      NOT NULL DEFAULT 0,
    sale_id               text        UNIQUE,
    sale_status           text,
    sale_json             text,
    cancelled_before_sale boolean     NOT NULL DEFAULT false,
    claimed_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now()
);

-- The poller's work list: sales not yet closed or voided.
CREATE INDEX lightspeed_sale_open ON lightspeed_sale (updated_at)
    WHERE sale_id IS NOT NULL AND (sale_status IS NULL OR sale_status NOT IN ('PICKED_UP_CLOSED', 'DISPATCHED_CLOSED', 'VOIDED'));

-- The highest sale version any change-feed search has read: a sale created after a claim has a higher version
-- than the mark read at the claim (versions only grow), so a search starts there, not at the beginning.
CREATE TABLE lightspeed_feed_mark (
    name    text   NOT NULL PRIMARY KEY,
    version bigint NOT NULL
);

-- The current OAuth token pair, shared by every replica. Refresh tokens are single-use and rotate: a refresh
-- happens under an advisory lock and replaces the pair here in the same transaction. The configured refresh
-- token only seeds an empty table.
CREATE TABLE lightspeed_token (
    name          text        NOT NULL PRIMARY KEY,
    access_token  text,
    refresh_token text        NOT NULL,
    expires_at    timestamptz,
    refreshed_at  timestamptz NOT NULL DEFAULT now()
);
