package io.fulfillmenthub.spod.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The shape of GET /shipping-countries is not documented beyond a list of objects: read tolerantly. */
class SpodShippingCountriesTest {

    @Test
    void codesAreReadFromObjectsOrStringsInUpperCase() {
        assertThat(SpodShippingCountries.read("[{\"country-code\": \"US\", \"name\": \"United States\"}, {\"code\": \"de\"}]"))
                .containsExactly("DE", "US");
        assertThat(SpodShippingCountries.read("[\"GB\", \"fr\"]")).containsExactly("FR", "GB");
        assertThat(SpodShippingCountries.read("[{\"name\": \"Austria\", \"iso\": \"AT\"}, {\"name\": \"Spain\", \"x\": \"ES\"}]"))
                .containsExactly("AT", "ES");
        assertThat(SpodShippingCountries.read("{\"countries\": [{\"isoCode\": \"IT\"}]}")).containsExactly("IT");
    }

    @Test
    void aListWithoutReadableCodesIsEmptyNeverAGuess() {
        assertThat(SpodShippingCountries.read("[{\"name\": \"United States\"}, {}]")).isEmpty();
        assertThat(SpodShippingCountries.read("{}")).isEmpty();
    }
}
