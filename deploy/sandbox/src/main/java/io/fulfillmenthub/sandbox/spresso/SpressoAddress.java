package io.fulfillmenthub.sandbox.spresso;

/** A Spresso shipping address (fields as in the assumed webhook body). */
public record SpressoAddress(
        String firstName,
        String lastName,
        String company,
        String address1,
        String address2,
        String city,
        String zip,
        String province,
        String countryCode,
        String phone) {

    /** The address a scenario gets when it names none. */
    public static SpressoAddress sample() {
        return new SpressoAddress("Ada", "Lovelace", null, "12 Crescent Road", "Flat 3", "London", "NW1 4NP",
                null, "GB", null);
    }
}
