-- When each parcel reached the customer (ShipmentDelivered: a tracking service, or an operator through
-- POST /orders/{orderId}/shipments/{trackingNumber}/delivered); null until then.
ALTER TABLE shipment ADD COLUMN delivered_at timestamptz;
