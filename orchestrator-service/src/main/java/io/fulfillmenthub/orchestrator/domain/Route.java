package io.fulfillmenthub.orchestrator.domain;

import io.fulfillmenthub.contracts.commands.CreateSale;
import io.fulfillmenthub.contracts.commands.SaleMode;
import io.fulfillmenthub.contracts.commands.SubmitPrintOrder;
import io.fulfillmenthub.contracts.model.Fulfiller;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * Where one source fulfillment goes: to a print fulfiller with the items to print, to a store outlet as a sale
 * awaiting pickup or dispatch, or on hold with a reason.
 */
public sealed interface Route {

    /** To a print-on-demand fulfiller; prices are in {@code currency}. */
    record Print(Fulfiller fulfiller, String currency, List<SubmitPrintOrder.Item> items, String shippingType,
            BigDecimal shippingPrice) implements Route {

        public Print {
            items = List.copyOf(items);
        }
    }

    /**
     * To a store's outlet (a point of sale), as a sale the customer collects ({@link SaleMode#PICKUP}) or the
     * store delivers ({@link SaleMode#DELIVERY}).
     *
     * @param outlet the outlet's name in the hub's routing data, e.g. {@code main-street}
     * @param outletId the outlet's id at the point of sale
     */
    record Store(Fulfiller fulfiller, String outlet, String outletId, String registerId, String userId, SaleMode mode,
            List<CreateSale.Line> lines) implements Route {

        public Store {
            Objects.requireNonNull(fulfiller, "fulfiller");
            Objects.requireNonNull(mode, "mode");
            lines = List.copyOf(lines);
        }
    }

    /** Not routable as it stands; the reason names what is missing (e.g. the unmapped SKU). */
    record Hold(String reason) implements Route {
    }
}
