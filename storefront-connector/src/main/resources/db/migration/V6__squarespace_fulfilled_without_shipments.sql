-- A store fulfillment handed over (picked up, or dispatched by the store) marks the Squarespace order fulfilled
-- with no shipment: its ledger row has no tracking number.
ALTER TABLE squarespace_shipment_posted ALTER COLUMN tracking_number DROP NOT NULL;
