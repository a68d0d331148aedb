package io.fulfillmenthub.orchestrator.domain;

import io.fulfillmenthub.contracts.commands.SubmitPrintOrder;
import io.fulfillmenthub.contracts.model.Fulfiller;
import java.math.BigDecimal;
import java.util.List;

/** Where one source fulfillment goes: to a print fulfiller with the items to print, or on hold with a reason. */
public sealed interface Route {

    /** To a print-on-demand fulfiller; prices are in {@code currency}. */
    record Print(Fulfiller fulfiller, String currency, List<SubmitPrintOrder.Item> items, String shippingType,
            BigDecimal shippingPrice) implements Route {

        public Print {
            items = List.copyOf(items);
        }
    }

    /** Not routable as it stands; the reason names what is missing (e.g. the unmapped SKU). */
    record Hold(String reason) implements Route {
    }
}
