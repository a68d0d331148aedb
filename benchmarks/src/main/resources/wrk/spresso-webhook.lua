-- A signed Spresso order_fulfillable webhook of about 1 KB, unique per request: ingest dedupes on
-- eventId, so a repeated body would measure its cache, not Kafka. The client secret comes from the
-- environment (HUB_BENCH_SPRESSO_SECRET), never from the command line.
local secret = os.getenv("HUB_BENCH_SPRESSO_SECRET") or error("HUB_BENCH_SPRESSO_SECRET is not set")
local counter = 0
-- The order has Spresso's documented model (shared/vendor-fixtures/spresso/order.json): numeric orderNo,
-- addressLine1/2, alpha-3 country, telephoneNumber, statusHistory with updatedAt, an opaque fulfillerLocation.
local TEMPLATE = '{"event":"order_fulfillable","eventId":"evt_bench_%s","createdAt":"2026-11-23T10:15:30.120Z",'
  .. '"order":{"id":"bench-%s","orderNo":%d,"createdAt":"2026-11-23T10:05:12.481Z","status":"sent_to_fulfiller",'
  .. '"statusHistory":[{"status":"created","updatedAt":"2026-11-23T10:05:12.481Z"}],"financialStatus":"authorized",'
  .. '"user":{"id":"6132b96601ceceabe344dcad","email":"ada.lovelace@example.com","telephoneNumber":"+44 20 7946 0958"},'
  .. '"shippingAddress":{"firstName":"Ada","lastName":"Lovelace","addressLine1":"12 Crescent Road",'
  .. '"addressLine2":"Flat 3","city":"London","state":"","postalCode":"NW1 4NP","country":"GBR","telephoneNumber":"+44 20 7946 0958"},'
  .. '"orderVariants":['
  .. '{"id":"ov-1","quantity":2,"fulfilledQuantity":0,"variant":{"id":"0a59c1e4b2d8f7a6c3e1b0d9","sku":"TEE-BLK-M","upc":null,"name":"Black tee M"}},'
  .. '{"id":"ov-2","quantity":1,"fulfilledQuantity":0,"variant":{"id":"7f3e2d1c0b9a8f7e6d5c4b3a","sku":"MUG-WHT","upc":null,"name":"White mug"}}],'
  .. '"fulfillments":[{"id":"f-%s","fulfillmentMethod":"carrier_delivery","fulfillerLocation":"60d56d8e7c88cefd11e7dfc6",'
  .. '"fulfillmentVariants":[{"variant":"0a59c1e4b2d8f7a6c3e1b0d9","quantity":2},'
  .. '{"variant":"7f3e2d1c0b9a8f7e6d5c4b3a","quantity":1}],"status":"order_placed"}]}}'

function request()
  counter = counter + 1
  local id = run_tag .. "-" .. thread_id .. "-" .. counter
  local body = string.format(TEMPLATE, id, id, counter, id)
  return wrk.format("POST", nil, {
    ["Content-Type"] = "application/json",
    ["X-Spresso-Hmac-SHA256"] = hmac_sha256_base64(secret, body)
  }, body)
end
