-- Fulfillments routed to a store outlet (issue 14, Lightspeed X-Series): a sale there awaiting pickup or
-- dispatch. sale_mode: PICKUP or DELIVERY (contracts SaleMode); outlet: the outlet's name in the hub's routing
-- data (hub.routing.lightspeed.outlets.<name>); outlet_id: its id at Lightspeed. All null for other fulfillers.
-- The sale's id at Lightspeed is the fulfillment's vendor_reference (FulfillmentSubmitted).
ALTER TABLE fulfillment ADD COLUMN sale_mode text;
ALTER TABLE fulfillment ADD COLUMN outlet text;
ALTER TABLE fulfillment ADD COLUMN outlet_id text;
