package io.fulfillmenthub.storefront;

import io.fulfillmenthub.testing.HubInfrastructureResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/**
 * The shared Kafka broker, this service's own database and the simulated Spresso and Squarespace APIs, for every test
 * of the module (one application start for all of them).
 */
@WithTestResource(value = HubInfrastructureResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = HubInfrastructureResource.DATABASE, value = "storefront"))
@WithTestResource(value = SpressoWireMock.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = SquarespaceWireMock.class, scope = TestResourceScope.GLOBAL)
public final class StorefrontTestInfrastructure {

    private StorefrontTestInfrastructure() {
    }
}
