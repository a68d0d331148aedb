package io.fulfillmenthub.spod.translate;

import io.fulfillmenthub.contracts.commands.SubmitPrintOrder;
import io.fulfillmenthub.contracts.model.Address;
import io.fulfillmenthub.spod.client.SpodOrderRequest;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * A {@link SubmitPrintOrder} as SPOD's {@code POST /orders} body. The external order id is the command's
 * {@code externalIdAtFulfiller()} (the fulfillment id, or a resubmission's own id), which makes the submit
 * safe to repeat. SPOD's address has no company and no phone,
 * so they are not sent. SPOD's documented values are lower case ({@code "standard"}, {@code "front"},
 * {@code "center-top"}), so the shipping type, side and align are sent lower case whatever the
 * configuration says; the country code is ISO 3166-1 alpha-2 ({@code "US"}), an alpha-3 code is converted.
 */
public final class SpodOrderRequests {

    static final String DESIGN = "design";

    private SpodOrderRequests() {
    }

    public static SpodOrderRequest of(SubmitPrintOrder command) {
        List<SpodOrderRequest.Item> items = command.items().stream()
                .map(item -> new SpodOrderRequest.Item(item.quantity(), item.stockKeepingUnit(), price(item.price()),
                        item.designs().stream()
                                .map(design -> new SpodOrderRequest.Configuration(DESIGN, lowerCase(design.side()), lowerCase(design.align()),
                                        new SpodOrderRequest.Content(design.url())))
                                .toList()))
                .toList();
        SubmitPrintOrder.Shipping shipping = command.shipping();
        return new SpodOrderRequest(command.externalIdAtFulfiller(), command.currency(), items,
                new SpodOrderRequest.Shipping(lowerCase(shipping.type()), price(shipping.price()), address(shipping.address())));
    }

    /** What the poller needs later to map SPOD's items back to order lines. */
    public static List<PrintLine> lines(SubmitPrintOrder command) {
        return command.items().stream()
                .map(item -> new PrintLine(item.lineId(), item.stockKeepingUnit(), item.quantity()))
                .toList();
    }

    /** A decimal string with at least two decimals, as in SPOD's examples ({@code "19.00"}). */
    static String price(BigDecimal price) {
        return price.setScale(Math.max(2, price.scale())).toPlainString();
    }

    private static SpodOrderRequest.Address address(Address address) {
        return new SpodOrderRequest.Address(address.firstName(), address.lastName(), address.street(),
                address.streetAnnex(), address.city(), alpha2(address.countryCode()), address.state(), address.postalCode());
    }

    static String lowerCase(String value) {
        return value == null ? null : value.trim().toLowerCase(Locale.ROOT);
    }

    /** {@code "us"} → {@code "US"}; {@code "USA"} → {@code "US"} (the JDK's table); anything else as given. */
    static String alpha2(String countryCode) {
        String code = countryCode.trim().toUpperCase(Locale.ROOT);
        if (code.length() == 3) {
            for (String alpha2 : Locale.getISOCountries()) {
                if (new Locale("", alpha2).getISO3Country().equals(code)) {
                    return alpha2;
                }
            }
        }
        return code;
    }
}
