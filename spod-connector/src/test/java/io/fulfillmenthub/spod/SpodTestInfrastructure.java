package io.fulfillmenthub.spod;

import io.fulfillmenthub.testing.HubInfrastructureResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/** The shared Kafka broker and this service's own database, for every test of the module. */
@WithTestResource(value = HubInfrastructureResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = HubInfrastructureResource.DATABASE, value = "spod"))
public final class SpodTestInfrastructure {

    private SpodTestInfrastructure() {
    }
}
