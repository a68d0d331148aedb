-- The furthest status each Spresso fulfillment was moved to by this connector (the rank of
-- UpdateStorefrontFulfillmentStatus.Status): a redelivered older status command is not sent again,
-- since Spresso's fulfillment has moved on and would be moved back, or refuse.
CREATE TABLE spresso_fulfillment_status (
    fulfillment_id text        NOT NULL PRIMARY KEY,
    status_rank    integer     NOT NULL,
    command_id     text        NOT NULL,
    sent_at        timestamptz NOT NULL DEFAULT now()
);
