-- A fulfillment may be submitted to SPOD more than once (a resubmission after SPOD failed or cancelled
-- it, under the external id <fulfillment id>-r<n> the orchestrator chose): each submission is its own
-- SPOD order and its own row, keyed by SPOD's external-order-id. The first submission's external id is
-- the fulfillment id, as every existing row's.
ALTER TABLE print_order ADD COLUMN external_order_id text;
UPDATE print_order SET external_order_id = fulfillment_id;
ALTER TABLE print_order ALTER COLUMN external_order_id SET NOT NULL;
ALTER TABLE print_order DROP CONSTRAINT print_order_pkey;
ALTER TABLE print_order ADD PRIMARY KEY (external_order_id);
