package io.fulfillmenthub.spod.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The body of SPOD's {@code POST /orders}, in SPOD's kebab-case field names. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SpodOrderRequest(
        @JsonProperty("external-order-id") String externalOrderId,
        String currency,
        List<Item> items,
        Shipping shipping) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(
            int quantity,
            @JsonProperty("stock-keeping-unit") String stockKeepingUnit,
            String price,
            List<Configuration> configuration) {
    }

    /** {@code type} is always {@code design}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Configuration(String type, String side, String align, Content content) {
    }

    public record Content(String url) {
    }

    public record Shipping(String type, String price, Address address) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Address(
            @JsonProperty("first-name") String firstName,
            @JsonProperty("last-name") String lastName,
            String street,
            @JsonProperty("street-annex") String streetAnnex,
            String city,
            @JsonProperty("country-code") String countryCode,
            String state,
            @JsonProperty("zip-code") String zipCode) {
    }
}
