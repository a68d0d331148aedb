-- Places one Spresso order through the sandbox's control API: one fulfillment of two SPOD-printed
-- lines. The sandbox makes the order and event ids and sends the signed webhook to ingest before it
-- answers, so each request is one order arriving at the hub.
local BODY = '{"lines":[{"sku":"TEE-BLK-M","quantity":2},{"sku":"MUG-WHT","quantity":1}]}'

function request()
  return wrk.format("POST", nil, {["Content-Type"] = "application/json"}, BODY)
end
