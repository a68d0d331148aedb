package io.fulfillmenthub.storefront.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CountryAliasesTest {

    @Test
    void entriesAreReadAsCodeToAlpha2() {
        assertThat(SpressoWebhookHandler.countryAliases(List.of("XKX=XK", " ksv = xk "))).containsEntry("XKX", "XK")
                .containsEntry("KSV", "XK").hasSize(2);
    }

    @Test
    void aMalformedEntryIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> SpressoWebhookHandler.countryAliases(List.of("XKX")))
                .hasMessage("hub.spresso.country-aliases: 'XKX' must be CODE=ALPHA2, e.g. XKX=XK");
        assertThatThrownBy(() -> SpressoWebhookHandler.countryAliases(List.of("XKX=Kosovo")))
                .hasMessageContaining("'XKX=Kosovo' must be CODE=ALPHA2");
    }
}
