package io.fulfillmenthub.kit.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class VendorAnswerTest {

    @Test
    void theRuleDecidesUnlessTheVendorDocumentsAStatusAsRetryLater() {
        assertThat(VendorRetry.retryable(new RuntimeException("wrapped", new VendorAnswer(503, Set.of())))).isTrue();
        assertThat(VendorRetry.retryable(new VendorAnswer(429, Set.of()))).isTrue();
        assertThat(VendorRetry.retryable(new VendorAnswer(409, Set.of()))).isFalse();
        assertThat(VendorRetry.retryable(new VendorAnswer(409, Set.of(409)))).isTrue();
        assertThat(VendorRetry.retryable(new VendorAnswer(400, Set.of(409)))).isFalse();
    }
}
