package io.fulfillmenthub.sandbox.spod;

import io.fulfillmenthub.sandbox.control.ControlError;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;

/**
 * {@code /_sandbox/spod/behaviour}: what SPOD leaves undocumented, chosen by a test (see {@link SpodBehaviour}).
 * {@code PUT} changes the fields given and keeps the others; {@code DELETE} restores the configuration.
 */
@Path("/_sandbox/spod/behaviour")
@Produces(MediaType.APPLICATION_JSON)
public class SpodBehaviourResource {

    /** Each field optional; {@code listShape} array|object, {@code listOrder} updated|created|newest-first. */
    public record Change(String listShape, String listOrder, Boolean cancelConfirmed, List<String> shippingCountries) {}

    /** The behaviour as the control API shows it. */
    public record View(String listShape, String listOrder, boolean cancelConfirmed, List<String> shippingCountries) {

        static View of(SpodBehaviour.Settings settings) {
            return new View(wire(settings.listShape()), wire(settings.listOrder()), settings.cancelConfirmed(),
                    settings.shippingCountries().stream().sorted().toList());
        }
    }

    private final SpodBehaviour behaviour;

    SpodBehaviourResource(SpodBehaviour behaviour) {
        this.behaviour = behaviour;
    }

    @GET
    public View current() {
        return View.of(behaviour.settings());
    }

    @PUT
    public Response change(Change change) {
        if (change == null) {
            return ControlError.invalid("body: is required, e.g. {\"listShape\": \"object\"}");
        }
        try {
            SpodBehaviour.ListShape shape = parse(SpodBehaviour.ListShape.class, change.listShape(), "listShape");
            SpodBehaviour.ListOrder order = parse(SpodBehaviour.ListOrder.class, change.listOrder(), "listOrder");
            return Response.ok(View.of(behaviour.change(shape, order, change.cancelConfirmed(),
                    change.shippingCountries()))).build();
        } catch (IllegalArgumentException e) {
            return ControlError.invalid(e.getMessage());
        }
    }

    @DELETE
    public View reset() {
        behaviour.reset();
        return current();
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
        if (value == null) {
            return null;
        }
        for (E candidate : type.getEnumConstants()) {
            if (wire(candidate).equals(value.trim().toLowerCase(Locale.ROOT))) {
                return candidate;
            }
        }
        throw new IllegalArgumentException(field + ": must be one of " + List.of(type.getEnumConstants()).stream()
                .map(SpodBehaviourResource::wire).toList());
    }

    /** {@code NEWEST_FIRST} → {@code newest-first}. */
    private static String wire(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
