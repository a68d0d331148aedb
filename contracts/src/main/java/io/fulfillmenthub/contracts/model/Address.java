package io.fulfillmenthub.contracts.model;

import static io.fulfillmenthub.contracts.Fields.requiredText;

import org.jspecify.annotations.Nullable;

/** A postal address; {@code countryCode} is ISO 3166-1 alpha-2. */
public record Address(
        String firstName,
        String lastName,
        @Nullable String company,
        String street,
        @Nullable String streetAnnex,
        String city,
        String postalCode,
        @Nullable String state,
        String countryCode,
        @Nullable String phone) {

    public Address {
        requiredText(firstName, "firstName");
        requiredText(lastName, "lastName");
        requiredText(street, "street");
        requiredText(city, "city");
        requiredText(postalCode, "postalCode");
        requiredText(countryCode, "countryCode");
    }
}
