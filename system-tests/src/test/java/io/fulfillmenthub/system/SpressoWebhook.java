package io.fulfillmenthub.system;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A Spresso webhook the test sends itself, for what the sandbox does not do (two identical deliveries
 * at the same moment): the body the sandbox would send for one of its orders, signed as Spresso signs.
 */
final class SpressoWebhook {

    static final String SIGNATURE_HEADER = "X-Spresso-Hmac-SHA256";
    private static final ObjectMapper JSON = new ObjectMapper();

    private SpressoWebhook() {
    }

    /** The {@code order_fulfillable} of a placed order, with its event id and time (sandbox README's body). */
    @SuppressWarnings("unchecked")
    static byte[] orderFulfillable(Sandbox.PlacedOrder placed) throws JsonProcessingException {
        Map<String, Object> state = placed.order();
        Map<String, Object> order = new LinkedHashMap<>();
        for (String field : List.of("id", "orderNo", "createdAt", "status", "statusHistory", "financialStatus", "user",
                "shippingAddress", "orderVariants")) {
            order.put(field, state.get(field));
        }
        // the control view adds shipments, fulfilled quantities and the like to each fulfillment; the webhook has none
        order.put("fulfillments", ((List<Map<String, Object>>) state.get("fulfillments")).stream().map(fulfillment -> {
            Map<String, Object> sent = new LinkedHashMap<>();
            for (String field : List.of("id", "createdAt", "fulfillmentMethod", "fulfillerLocation", "fulfillmentVariants",
                    "status", "statusHistory")) {
                sent.put(field, fulfillment.get(field));
            }
            return sent;
        }).toList());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", "order_fulfillable");
        body.put("eventId", placed.eventId());
        body.put("createdAt", placed.eventCreatedAt());
        body.put("order", order);
        return JSON.writeValueAsBytes(body);
    }

    /** Base64(HMAC-SHA256(body, client secret)), Spresso's signature header value. */
    static String sign(byte[] body, String clientSecret) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(clientSecret.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(body));
    }
}
