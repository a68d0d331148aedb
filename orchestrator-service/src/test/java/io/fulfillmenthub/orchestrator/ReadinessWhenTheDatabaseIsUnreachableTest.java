package io.fulfillmenthub.orchestrator;

import io.fulfillmenthub.testing.UnreachableInfrastructure;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(ReadinessWhenTheDatabaseIsUnreachableTest.Profile.class)
class ReadinessWhenTheDatabaseIsUnreachableTest {

    @Test
    void readinessIsDownWithTheDatabaseCheckDown() {
        UnreachableInfrastructure.assertNotReady(UnreachableInfrastructure.DATABASE_CHECK);
    }

    public static class Profile extends UnreachableInfrastructure.DatabaseUnreachable {
        @Override
        protected String database() {
            return "orchestrator";
        }
    }
}
