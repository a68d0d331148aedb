package io.fulfillmenthub.sandbox.spresso;

/**
 * A Spresso shipping address, with the fields of Spresso's documented order model: {@code country} is
 * ISO 3166-1 alpha-3 ({@code "USA"}) and {@code addressLine2} may be {@code ""}.
 */
public record SpressoAddress(
        String firstName,
        String lastName,
        String addressLine1,
        String addressLine2,
        String city,
        String state,
        String postalCode,
        String country,
        String telephoneNumber) {

    /** The address a scenario gets when it names none (the documented example's). */
    public static SpressoAddress sample() {
        return new SpressoAddress("Elena", "Wu", "1460 Broadway", "", "New York", "NY", "10036", "USA", "01234567890");
    }
}
