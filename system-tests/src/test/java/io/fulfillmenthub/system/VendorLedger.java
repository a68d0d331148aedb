package io.fulfillmenthub.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the vendors received, from the sandbox's call records and its vendors' state, counted per
 * fulfillment of the orders a test placed: the ledger of "exactly once".
 * <p>A call counts as accepted when the vendor handled it and answered 2xx (the sandbox's rule: fault
 * null or {@code reachedVendor}, and a 2xx status). SPOD refuses a second order with the same
 * {@code external-order-id}, so a repeated submission shows as an attempt, never as a second order;
 * Spresso's shipment call is an upsert by tracking number, so a repeat shows as a repeated call, and a
 * second shipment would show as a second tracking number.
 */
final class VendorLedger {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SHIPMENTS = Pattern.compile("/spresso/v1/fulfillments/([^/]+)/shipments");
    private static final Pattern FULFILLMENT = Pattern.compile("/spresso/v1/fulfillments/([^/]+)");
    private static final Pattern SPOD_CANCEL = Pattern.compile("/spod/orders/(.+)/cancel");

    private final String sandboxUrl;
    private final String orchestratorUrl;
    private final String operatorToken;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** @param operatorToken the operations API's bearer token (the local stack's operator) */
    VendorLedger(String sandboxUrl, String orchestratorUrl, String operatorToken) {
        this.sandboxUrl = sandboxUrl;
        this.orchestratorUrl = orchestratorUrl;
        this.operatorToken = operatorToken;
    }

    /**
     * The counts over these orders.
     *
     * @param ordersIn every order placed; a cancelled one must be cancelled at SPOD and never shipped, the
     *     others shipped once at SPOD and told to Spresso (the shipment, then {@code in_transit})
     */
    Tally tally(List<OrderFlow.Placed> ordersIn) {
        JsonNode calls = get(sandboxUrl + "/_sandbox/calls");
        Map<String, List<Long>> submitted = new HashMap<>();
        Map<String, Integer> submitAttempts = new HashMap<>();
        Map<String, List<Long>> cancelled = new HashMap<>();
        Map<String, List<Long>> shipmentCalls = new HashMap<>();
        Map<String, Set<String>> trackingNumbers = new HashMap<>();
        Map<String, List<Long>> inTransitCalls = new HashMap<>();
        for (JsonNode call : calls) {
            String method = call.path("method").asText();
            String path = call.path("path").asText();
            long sequence = call.path("sequence").asLong();
            boolean accepted = accepted(call);
            if ("POST".equals(method) && "/spod/orders".equals(path)) {
                String id = body(call).path("external-order-id").asText();
                submitAttempts.merge(id, 1, Integer::sum);
                if (accepted) {
                    submitted.computeIfAbsent(id, k -> new ArrayList<>()).add(sequence);
                }
            } else if ("POST".equals(method) && accepted && SPOD_CANCEL.matcher(path).matches()) {
                Matcher cancel = SPOD_CANCEL.matcher(path);
                cancel.matches();
                cancelled.computeIfAbsent(URLDecoder.decode(cancel.group(1), StandardCharsets.UTF_8), k -> new ArrayList<>())
                        .add(sequence);
            } else if ("PUT".equals(method) && accepted) {
                Matcher shipment = SHIPMENTS.matcher(path);
                Matcher fulfillment = FULFILLMENT.matcher(path);
                if (shipment.matches()) {
                    shipmentCalls.computeIfAbsent(shipment.group(1), k -> new ArrayList<>()).add(sequence);
                    trackingNumbers.computeIfAbsent(shipment.group(1), k -> new LinkedHashSet<>())
                            .add(body(call).path("trackingNumber").asText());
                } else if (fulfillment.matches() && "in_transit".equals(body(call).path("status").asText())) {
                    inTransitCalls.computeIfAbsent(fulfillment.group(1), k -> new ArrayList<>()).add(sequence);
                }
            }
        }
        Map<String, JsonNode> spodOrders = new HashMap<>();
        get(sandboxUrl + "/_sandbox/spod/orders").forEach(order -> spodOrders.put(order.path("external-order-id").asText(), order));
        Map<String, JsonNode> spressoFulfillments = new HashMap<>();
        get(sandboxUrl + "/_sandbox/spresso/orders").forEach(order -> order.path("fulfillments")
                .forEach(fulfillment -> spressoFulfillments.put(fulfillment.path("id").asText(), fulfillment)));

        Tally tally = new Tally(ordersIn.size());
        for (OrderFlow.Placed order : ordersIn) {
            String hub = order.hubFulfillmentId();
            List<Long> submits = submitted.getOrDefault(hub, List.of());
            int attempts = submitAttempts.getOrDefault(hub, 0);
            if (attempts > 1) {
                tally.spodRepeatedSubmissions += attempts - 1;
                tally.repeats.add(hub + " submitted to SPOD " + attempts + " times");
            }
            if (submits.size() == 1) {
                tally.atSpodOnce++;
            } else if (submits.size() > 1) {
                tally.violation(hub + " accepted by SPOD " + submits.size() + " times");
                tally.spodDuplicates += submits.size() - 1;
            } else {
                tally.missing(hub + " not at SPOD");
            }
            JsonNode spod = spodOrders.get(hub);
            String spodState = spod == null ? null : spod.path("state").asText();
            String spresso = order.fulfillmentId();
            Set<String> tracking = trackingNumbers.getOrDefault(spresso, Set.of());
            List<Long> shipments = shipmentCalls.getOrDefault(spresso, List.of());
            List<Long> inTransit = inTransitCalls.getOrDefault(spresso, List.of());
            if (order.cancelled()) {
                tally.toCancel++;
                List<Long> cancels = cancelled.getOrDefault(hub, List.of());
                if ("canceled".equals(spodState) && !cancels.isEmpty()) {
                    tally.cancelledAtSpod++;
                    if (!submits.isEmpty() && cancels.get(0) < submits.get(0)) {
                        tally.outOfOrder++;
                        tally.violation(hub + " cancelled at SPOD before it was submitted");
                    }
                } else {
                    tally.missing(hub + " not cancelled at SPOD (" + spodState + ")");
                }
                if (!tracking.isEmpty()) {
                    tally.violation(hub + " was cancelled, yet Spresso got shipments " + tracking);
                }
                continue;
            }
            tally.toShip++;
            String sent = spod == null || spod.path("shipments").isEmpty() ? null
                    : spod.path("shipments").get(0).path("tracking-number").asText();
            JsonNode atSpresso = spressoFulfillments.get(spresso);
            int shipmentsAtSpresso = atSpresso == null ? 0 : atSpresso.path("shipments").size();
            String statusAtSpresso = atSpresso == null ? null : atSpresso.path("status").asText();
            if (tracking.size() > 1 || shipmentsAtSpresso > 1) {
                tally.violation(spresso + " has " + Math.max(tracking.size(), shipmentsAtSpresso) + " shipments at Spresso: " + tracking);
                tally.spressoExtraShipments += Math.max(tracking.size(), shipmentsAtSpresso) - 1;
            } else if (sent != null && tracking.equals(Set.of(sent)) && shipmentsAtSpresso == 1 && !inTransit.isEmpty()
                    && "in_transit".equals(statusAtSpresso)) {
                tally.shippedOnceAtSpresso++;
                if (shipments.size() > 1 || inTransit.size() > 1) {
                    tally.spressoRepeatedCalls += shipments.size() - 1 + inTransit.size() - 1;
                    tally.repeats.add(spresso + " shipment " + shipments.size() + " times, in_transit " + inTransit.size()
                            + " times (calls " + shipments + ", " + inTransit + ")");
                }
                if (inTransit.get(0) < shipments.get(0)) {
                    tally.outOfOrder++;
                    tally.violation(spresso + " in_transit (call " + inTransit.get(0) + ") before its shipment (call "
                            + shipments.get(0) + ")");
                }
            } else {
                tally.missing(spresso + " not yet shipped at Spresso (SPOD " + spodState + ", Spresso " + statusAtSpresso
                        + " with " + shipmentsAtSpresso + " shipment(s))");
            }
        }
        tally.deadLetters = deadLetters();
        return tally;
    }

    /** Dead letters of every consumer group, as the operations API lists them (-1 when it did not answer). */
    int deadLetters() {
        try {
            return get(orchestratorUrl + "/dead-letters?limit=500").path("deadLetters").size();
        } catch (IllegalStateException e) {
            return -1;
        }
    }

    private static boolean accepted(JsonNode call) {
        JsonNode fault = call.path("fault");
        int status = call.path("status").asInt(0);
        return status / 100 == 2 && (fault.isMissingNode() || fault.isNull() || fault.path("reachedVendor").asBoolean());
    }

    private static JsonNode body(JsonNode call) {
        try {
            return JSON.readTree(call.path("body").asText("{}"));
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    private JsonNode get(String url) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
            if (url.startsWith(orchestratorUrl)) {
                request.header("Authorization", "Bearer " + operatorToken);
            }
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + url + " answered " + response.statusCode());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + url + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The counts; {@link #violations} are what no fault excuses, {@link #missing} what has not happened yet. */
    static final class Tally {
        final int ordersIn;
        int toShip;
        int toCancel;
        int atSpodOnce;
        int spodDuplicates;
        int spodRepeatedSubmissions;
        int shippedOnceAtSpresso;
        int spressoExtraShipments;
        int spressoRepeatedCalls;
        int cancelledAtSpod;
        int outOfOrder;
        int deadLetters;
        final List<String> violations = new ArrayList<>();
        final List<String> missing = new ArrayList<>();
        /** Calls a vendor got more than once, harmlessly (SPOD refuses a second order, Spresso's calls are upserts). */
        final List<String> repeats = new ArrayList<>();

        Tally(int ordersIn) {
            this.ordersIn = ordersIn;
        }

        private void violation(String what) {
            violations.add(what);
        }

        private void missing(String what) {
            missing.add(what);
        }

        /** Every order where it belongs: at SPOD once, and shipped to Spresso or cancelled at SPOD. */
        boolean complete() {
            return missing.isEmpty();
        }

        /** What must not change once complete: a change in a quiet period is a late duplicate. */
        List<Integer> settled() {
            return List.of(atSpodOnce, spodDuplicates, shippedOnceAtSpresso, spressoExtraShipments, cancelledAtSpod,
                    deadLetters, violations.size());
        }

        String summary() {
            return ordersIn + " orders: " + atSpodOnce + " at SPOD once, " + shippedOnceAtSpresso + "/" + toShip
                    + " shipped once at Spresso, " + cancelledAtSpod + "/" + toCancel + " cancelled at SPOD, "
                    + spodDuplicates + " duplicate SPOD orders, " + spressoExtraShipments + " extra Spresso shipments, "
                    + spodRepeatedSubmissions + " repeated SPOD submissions, " + spressoRepeatedCalls
                    + " repeated Spresso calls, " + outOfOrder + " out of order, " + deadLetters + " dead letters"
                    + (missing.isEmpty() ? "" : "; missing " + missing.size() + ", e.g. " + missing.subList(0, Math.min(3, missing.size())))
                    + (violations.isEmpty() ? "" : "; violations " + violations.subList(0, Math.min(5, violations.size())))
                    + (repeats.isEmpty() ? "" : "; repeated, e.g. " + repeats.subList(0, Math.min(3, repeats.size())));
        }

        @Override
        public String toString() {
            return summary();
        }
    }
}
