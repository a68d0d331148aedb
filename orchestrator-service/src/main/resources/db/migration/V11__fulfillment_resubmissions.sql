-- A fulfillment its fulfiller failed or cancelled can be sent again (POST /orders/{orderId}/fulfillments/
-- {fulfillmentId}/resubmit) under a new external id at the fulfiller: <fulfillment id>-r<n>, n = 2, 3, ...
-- submissions: how often it was sent (1: the first submission, whose external id is the fulfillment id);
-- external_order_id: the current submission's external id, null for the first.
ALTER TABLE fulfillment ADD COLUMN submissions integer NOT NULL DEFAULT 1 CHECK (submissions >= 1);
ALTER TABLE fulfillment ADD COLUMN external_order_id text;
