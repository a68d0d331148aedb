-- The last status the storefront was told of each fulfillment (RECEIVED_BY_FULFILLER, PREPARING_ITEMS,
-- IN_TRANSIT, DELIVERED): each goes once, and never backwards. Fulfillments already shipped or
-- delivered were told so by the transition that got them there.
ALTER TABLE fulfillment ADD COLUMN storefront_status text;
UPDATE fulfillment SET storefront_status = CASE status WHEN 'SHIPPED' THEN 'IN_TRANSIT' WHEN 'DELIVERED' THEN 'DELIVERED' END
    WHERE status IN ('SHIPPED', 'DELIVERED');
