package io.fulfillmenthub.ingest;

import io.fulfillmenthub.testing.HubInfrastructureResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/** The shared Kafka broker for every test of the module; ingest keeps no state, so no database. */
@WithTestResource(value = HubInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
public final class IngestTestInfrastructure {

    private IngestTestInfrastructure() {
    }
}
