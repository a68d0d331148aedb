-- Orders whose lane a consumer group holds: one of their records was dead-lettered, so their later
-- records wait behind it until it is replayed and succeeds (service-kit LaneHolds).
CREATE TABLE lane_hold (
    consumer  text        NOT NULL,
    order_key text        NOT NULL,
    held_by   text        NOT NULL,
    reason    text        NOT NULL,
    held_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, order_key)
);
