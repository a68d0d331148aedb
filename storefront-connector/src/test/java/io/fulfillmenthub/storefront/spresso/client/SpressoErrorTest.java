package io.fulfillmenthub.storefront.spresso.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpressoErrorTest {

    @Test
    void theAssumedErrorBodyGivesCodeAndMessage() {
        assertThat(SpressoClient.SpressoError.read("{\"error\": \"invalid_request\", \"message\": \"carrier is invalid\"}"))
                .isEqualTo(new SpressoClient.SpressoError("invalid_request", "carrier is invalid"));
    }

    @Test
    void anyOtherBodyIsTheMessageAsItIs() {
        assertThat(SpressoClient.SpressoError.read("Bad Request")).isEqualTo(new SpressoClient.SpressoError(null, "Bad Request"));
        assertThat(SpressoClient.SpressoError.read("")).isEqualTo(new SpressoClient.SpressoError(null, null));
    }
}
