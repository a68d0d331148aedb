package io.fulfillmenthub.sandbox.spod;

import io.fulfillmenthub.sandbox.control.ControlError;
import io.fulfillmenthub.sandbox.timing.ScenarioTimings;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.RestPath;

/** Drives the simulated SPOD: production confirms, sends (with tracking) or fails an order. */
@Path("/_sandbox/spod/orders")
@Produces(MediaType.APPLICATION_JSON)
public class SpodScenarioResource {

    private static final String TRACKING_ALPHABET = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    private final SpodOrderBook orders;
    private final ScenarioTimings timings;
    private final SecureRandom random = new SecureRandom();

    SpodScenarioResource(SpodOrderBook orders, ScenarioTimings timings) {
        this.orders = orders;
        this.timings = timings;
    }

    @GET
    public List<SpodOrderDetail> list() {
        return orders.all();
    }

    /** The id takes the rest of the path: the hub's external order ids contain {@code /}. */
    @POST
    @Path("/{externalOrderId: .+}/advance")
    public Response advance(@RestPath String externalOrderId, AdvanceSpodOrder request) {
        Optional<SpodOrder> found = orders.find(externalOrderId);
        if (found.isEmpty()) {
            return ControlError.notFound("SPOD order not found: " + externalOrderId);
        }
        if (request == null || request.state() == null) {
            return ControlError.invalid("state: is required (confirmed, sent or failed)");
        }
        if (!List.of("confirmed", "sent", "failed").contains(request.state())) {
            return ControlError.invalid("state: must be confirmed, sent or failed");
        }
        SpodOrder order = found.get();
        try {
            orders.change(order, now -> {
                switch (request.state()) {
                    case "confirmed" -> order.confirm(now);
                    case "failed" -> order.fail(now);
                    default -> {
                        order.send(shipments(order, request.shipments(), now), now);
                        timings.record(ScenarioTimings.Mark.SPOD_ORDER_SENT, externalOrderId);
                    }
                }
            });
        } catch (IllegalArgumentException e) {
            return ControlError.invalid(e.getMessage());
        } catch (IllegalSpodTransition e) {
            return ControlError.of(409, "conflict", e.getMessage());
        }
        return Response.ok(order.detail()).build();
    }

    private List<SpodShipment> shipments(SpodOrder order, List<AdvanceSpodOrder.Parcel> parcels, Instant now) {
        List<SpodShipment.Line> everything = order.lines();
        if (parcels == null || parcels.isEmpty()) {
            String tracking = upsTrackingNumber();
            return List.of(new SpodShipment("UPS", tracking, upsTrackingUrl(tracking), now, everything));
        }
        Map<String, Integer> ordered = everything.stream()
                .collect(Collectors.toMap(SpodShipment.Line::stockKeepingUnit, SpodShipment.Line::quantity));
        List<SpodShipment> shipments = new ArrayList<>();
        for (int p = 0; p < parcels.size(); p++) {
            AdvanceSpodOrder.Parcel parcel = parcels.get(p);
            String at = "shipments[" + p + "]";
            if (parcel == null || parcel.carrier() == null || parcel.carrier().isBlank()) {
                throw new IllegalArgumentException(at + ".carrier: is required");
            }
            if (parcel.trackingNumber() == null || parcel.trackingNumber().isBlank()) {
                throw new IllegalArgumentException(at + ".trackingNumber: is required");
            }
            List<SpodShipment.Line> items = everything;
            if (parcel.items() != null && !parcel.items().isEmpty()) {
                items = new ArrayList<>();
                for (int i = 0; i < parcel.items().size(); i++) {
                    AdvanceSpodOrder.Item item = parcel.items().get(i);
                    String itemAt = at + ".items[" + i + "]";
                    if (item == null || !ordered.containsKey(item.stockKeepingUnit())) {
                        throw new IllegalArgumentException(itemAt + ".stockKeepingUnit: is not an item of the order");
                    }
                    int quantity = item.quantity() == null ? ordered.get(item.stockKeepingUnit()) : item.quantity();
                    if (quantity < 1 || quantity > ordered.get(item.stockKeepingUnit())) {
                        throw new IllegalArgumentException(itemAt + ".quantity: must be from 1 to "
                                + ordered.get(item.stockKeepingUnit()));
                    }
                    items.add(new SpodShipment.Line(item.stockKeepingUnit(), quantity));
                }
            }
            shipments.add(new SpodShipment(parcel.carrier(), parcel.trackingNumber(), parcel.trackingUrl(), now,
                    List.copyOf(items)));
        }
        return shipments;
    }

    private String upsTrackingNumber() {
        StringBuilder number = new StringBuilder("1Z");
        for (int i = 0; i < 16; i++) {
            number.append(TRACKING_ALPHABET.charAt(random.nextInt(TRACKING_ALPHABET.length())));
        }
        return number.toString();
    }

    private static String upsTrackingUrl(String trackingNumber) {
        return "https://www.ups.com/track?tracknum=" + trackingNumber;
    }
}
