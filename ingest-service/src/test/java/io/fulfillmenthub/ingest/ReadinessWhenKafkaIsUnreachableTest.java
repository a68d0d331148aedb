package io.fulfillmenthub.ingest;

import io.fulfillmenthub.testing.UnreachableInfrastructure;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(ReadinessWhenKafkaIsUnreachableTest.Profile.class)
class ReadinessWhenKafkaIsUnreachableTest {

    @Test
    void readinessIsDownWithTheMessagingCheckDown() {
        UnreachableInfrastructure.assertNotReady(UnreachableInfrastructure.MESSAGING_CHECK);
    }

    public static class Profile extends UnreachableInfrastructure.KafkaUnreachable {
        @Override
        protected String database() {
            return null;
        }
    }
}
