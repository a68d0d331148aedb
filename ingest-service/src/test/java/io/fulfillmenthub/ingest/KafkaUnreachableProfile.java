package io.fulfillmenthub.ingest;

import io.fulfillmenthub.testing.UnreachableInfrastructure;

/** A broker address where nothing listens; ingest keeps no state, so no database. Shared, so the tests using it share one start. */
public class KafkaUnreachableProfile extends UnreachableInfrastructure.KafkaUnreachable {

    @Override
    protected String database() {
        return null;
    }
}
