package io.fulfillmenthub.orchestrator.domain;

import io.fulfillmenthub.contracts.model.PaymentStatus;
import io.fulfillmenthub.contracts.model.Storefront;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * The hub's own fulfillable rule, for orders their storefront does not hold back itself
 * ({@code fulfillableAtSource=false}): paid (PAID, or cash on delivery: the footnote "[a] Excluding cash on
 * delivery payments"), the storefront's grace period passed since the order was placed, not cancelled.
 *
 * @param gracePeriods per storefront; a storefront not named has none
 */
public record FulfillableRule(Map<Storefront, Duration> gracePeriods) {

    public FulfillableRule {
        gracePeriods = Map.copyOf(gracePeriods.isEmpty() ? new EnumMap<>(Storefront.class) : gracePeriods);
    }

    /** Squarespace 10 minutes, Spresso none (it applies its own): the configuration's defaults. */
    public static FulfillableRule defaults() {
        return new FulfillableRule(Map.of(Storefront.SQUARESPACE, Duration.ofMinutes(10), Storefront.SPRESSO, Duration.ZERO));
    }

    public Duration gracePeriod(Storefront storefront) {
        return gracePeriods.getOrDefault(storefront, Duration.ZERO);
    }

    /** Whether the payment lets the order go to a fulfiller. */
    public static boolean paymentSatisfied(PaymentStatus payment) {
        return payment == PaymentStatus.PAID || payment == PaymentStatus.CASH_ON_DELIVERY;
    }
}
