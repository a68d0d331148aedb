package io.fulfillmenthub.orchestrator;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(UnreachableInfrastructure.DatabaseUnreachable.class)
class ReadinessWhenTheDatabaseIsUnreachableTest {

    @Test
    void readinessIsDownWithTheDatabaseCheckDown() {
        UnreachableInfrastructure.assertNotReady("Reactive PostgreSQL connections health check");
    }
}
