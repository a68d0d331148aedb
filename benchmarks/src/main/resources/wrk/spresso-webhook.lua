-- A signed Spresso order_fulfillable webhook of about 1 KB, unique per request: ingest dedupes on
-- eventId, so a repeated body would measure its cache, not Kafka. The client secret comes from the
-- environment (HUB_BENCH_SPRESSO_SECRET), never from the command line.
local secret = os.getenv("HUB_BENCH_SPRESSO_SECRET") or error("HUB_BENCH_SPRESSO_SECRET is not set")
local counter = 0
local TEMPLATE = '{"event":"order_fulfillable","eventId":"evt_bench_%s","createdAt":"2026-11-23T10:15:30.120Z",'
  .. '"order":{"id":"bench-%s","orderNo":"%d","status":"fulfillable","financialStatus":"paid",'
  .. '"user":{"email":"ada.lovelace@example.com"},'
  .. '"shippingAddress":{"firstName":"Ada","lastName":"Lovelace","company":null,"address1":"12 Crescent Road",'
  .. '"address2":"Flat 3","city":"London","zip":"NW1 4NP","province":null,"countryCode":"GB","phone":"+44 20 7946 0958"},'
  .. '"orderVariants":['
  .. '{"quantity":2,"fulfilledQuantity":0,"variant":{"id":"0a59c1e4b2d8f7a6c3e1b0d9","sku":"TEE-BLK-M","upc":null,"name":"Black tee M"}},'
  .. '{"quantity":1,"fulfilledQuantity":0,"variant":{"id":"7f3e2d1c0b9a8f7e6d5c4b3a","sku":"MUG-WHT","upc":null,"name":"White mug"}}],'
  .. '"fulfillments":[{"id":"f-%s","fulfillmentMethod":"carrier_delivery","fulfillerLocation":"spod",'
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
