package io.fulfillmenthub.pos;

import io.fulfillmenthub.pos.lightspeed.LightspeedSimulator;
import io.fulfillmenthub.testing.HubInfrastructureResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/**
 * The shared Kafka broker, this service's own database and Lightspeed simulated by WireMock, for every test of
 * the module (global, so the application starts once).
 */
@WithTestResource(value = HubInfrastructureResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = HubInfrastructureResource.DATABASE, value = "pos"))
@WithTestResource(value = LightspeedSimulator.class, scope = TestResourceScope.GLOBAL)
public final class PosTestInfrastructure {

    private PosTestInfrastructure() {
    }
}
