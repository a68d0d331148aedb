package io.fulfillmenthub.sandbox.squarespace;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Set;

/**
 * What {@code GET /1.0/commerce/orders} selects: a {@code modifiedAfter}/{@code modifiedBefore} window (both or
 * neither; [unknown] both bounds exclusive, as the words say), a {@code fulfillmentStatus}, and for a later page the
 * position after the last order of the page before. A cursor is this query, opaque to the caller.
 */
record SquarespaceOrderQuery(Instant modifiedAfter, Instant modifiedBefore, String fulfillmentStatus,
        Instant positionModifiedOn, String positionId) {

    private static final Set<String> STATUSES = Set.of(SquarespaceOrder.PENDING, SquarespaceOrder.FULFILLED,
            SquarespaceOrder.CANCELED);

    /**
     * The query of a request's parameters, as documented: the dates only together, a cursor only alone (a
     * {@code fulfillmentStatus} may go with either).
     *
     * @throws SquarespaceError 400 naming the parameter
     */
    static SquarespaceOrderQuery of(String modifiedAfter, String modifiedBefore, String cursor, String fulfillmentStatus) {
        boolean after = present(modifiedAfter);
        boolean before = present(modifiedBefore);
        String status = present(fulfillmentStatus) ? fulfillmentStatus : null;
        if (status != null && !STATUSES.contains(status)) {
            throw SquarespaceError.invalid("fulfillmentStatus: must be PENDING, FULFILLED or CANCELED");
        }
        if (present(cursor)) {
            if (after || before) {
                throw SquarespaceError.invalid("cursor: cannot be used with modifiedAfter or modifiedBefore");
            }
            SquarespaceOrderQuery decoded = decode(cursor);
            return status == null ? decoded : new SquarespaceOrderQuery(decoded.modifiedAfter, decoded.modifiedBefore,
                    status, decoded.positionModifiedOn, decoded.positionId);
        }
        if (after != before) {
            throw SquarespaceError.invalid(after ? "modifiedBefore: is required when modifiedAfter is given"
                    : "modifiedAfter: is required when modifiedBefore is given");
        }
        return new SquarespaceOrderQuery(after ? time("modifiedAfter", modifiedAfter) : null,
                before ? time("modifiedBefore", modifiedBefore) : null, status, null, null);
    }

    boolean selects(SquarespaceOrder order) {
        Instant modified = order.modifiedOn();
        if (modifiedAfter != null && !modified.isAfter(modifiedAfter)) {
            return false;
        }
        if (modifiedBefore != null && !modified.isBefore(modifiedBefore)) {
            return false;
        }
        if (fulfillmentStatus != null && !fulfillmentStatus.equals(order.fulfillmentStatus())) {
            return false;
        }
        if (positionModifiedOn != null) {
            int byTime = modified.compareTo(positionModifiedOn);
            return byTime > 0 || byTime == 0 && order.id().compareTo(positionId) > 0;
        }
        return true;
    }

    /** The same query, from just after this order. */
    SquarespaceOrderQuery after(Instant modifiedOn, String id) {
        return new SquarespaceOrderQuery(modifiedAfter, modifiedBefore, fulfillmentStatus, modifiedOn, id);
    }

    String cursor() {
        String text = String.join("\n", "v1", string(modifiedAfter), string(modifiedBefore),
                fulfillmentStatus == null ? "" : fulfillmentStatus, string(positionModifiedOn), positionId == null ? "" : positionId);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static SquarespaceOrderQuery decode(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\n", -1);
            if (parts.length != 6 || !parts[0].equals("v1")) {
                throw new IllegalArgumentException("not a cursor");
            }
            return new SquarespaceOrderQuery(instant(parts[1]), instant(parts[2]), parts[3].isEmpty() ? null : parts[3],
                    instant(parts[4]), parts[5].isEmpty() ? null : parts[5]);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw SquarespaceError.invalid("cursor: is not a nextPageCursor this API returned");
        }
    }

    private static Instant time(String name, String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw SquarespaceError.invalid(name + ": must be an ISO 8601 UTC date and time such as 2016-04-10T12:00:00Z");
        }
    }

    private static boolean present(String value) {
        return value != null && !value.isEmpty();
    }

    private static String string(Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    private static Instant instant(String text) {
        return text.isEmpty() ? null : Instant.parse(text);
    }
}
