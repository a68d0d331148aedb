package io.fulfillmenthub.pos.lightspeed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fulfillmenthub.pos.lightspeed.client.LightspeedApi;
import io.fulfillmenthub.pos.lightspeed.client.LightspeedTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.junit.jupiter.api.Test;

/** Refresh tokens are single-use and rotate: replicas refreshing at once refresh once. */
@QuarkusTest
class LightspeedTokensTest {

    private static final LightspeedDouble STORE = LightspeedSimulator.STORE;

    @Inject
    Pool database;

    @Inject
    @RestClient
    LightspeedApi api;

    @Inject
    LightspeedConfig config;

    @Test
    void twoReplicasRefusedTheSameTokenRefreshItOnceAndUseTheSameNewOne() throws Throwable {
        // the stored pair: an access token Lightspeed no longer takes and a refresh token it issued
        String refreshToken = STORE.issueRefreshToken();
        database.preparedQuery("INSERT INTO lightspeed_token (name, access_token, refresh_token, expires_at) "
                        + "VALUES ('default', 'expired-access', $1, now() + interval '1 hour') ON CONFLICT (name) DO UPDATE "
                        + "SET access_token = 'expired-access', refresh_token = $1, expires_at = now() + interval '1 hour'")
                .execute(Tuple.of(refreshToken)).await().atMost(Duration.ofSeconds(10));
        int refreshesBefore = STORE.refreshes();
        int refusedBefore = STORE.refusedRefreshTokens();
        LightspeedTokens replicaA = new LightspeedTokens(database, api, config);
        LightspeedTokens replicaB = new LightspeedTokens(database, api, config);
        LightspeedTokens replicaC = new LightspeedTokens(database, api, config);

        List<String> tokens = VertxContextSupport.subscribeAndAwait(() -> Uni.join().all(
                replicaA.renewed("expired-access"), replicaB.renewed("expired-access"), replicaC.renewed("expired-access"))
                .andFailFast());

        assertThat(STORE.refreshes() - refreshesBefore).isEqualTo(1);
        assertThat(STORE.refusedRefreshTokens() - refusedBefore).isZero();
        assertThat(tokens).doesNotContain("expired-access").containsOnly(tokens.get(0));
        // every replica keeps using it: no further refresh
        assertThat(VertxContextSupport.subscribeAndAwait(() -> replicaB.current())).isEqualTo(tokens.get(0));
        assertThat(STORE.refreshes() - refreshesBefore).isEqualTo(1);
    }

    @Test
    void aStoredRefreshTokenLightspeedRefusesGivesWayToANewConfiguredOne() throws Throwable {
        // the stored refresh token is used up (its refresh answer was lost); the operator configured a new one
        storePair("expired-access", "used-up-refresh-token");
        String operatorsToken = STORE.issueRefreshToken();
        int refreshesBefore = STORE.refreshes();
        int refusedBefore = STORE.refusedRefreshTokens();
        LightspeedTokens tokens = new LightspeedTokens(database, api, withRefreshToken(operatorsToken));

        String renewed = VertxContextSupport.subscribeAndAwait(() -> tokens.renewed("expired-access"));

        assertThat(renewed).isNotEqualTo("expired-access");
        assertThat(STORE.refusedRefreshTokens() - refusedBefore).as("the used-up token, refused once").isEqualTo(1);
        assertThat(STORE.refreshes() - refreshesBefore).as("refreshed with the operator's token").isEqualTo(1);
        String stored = database.preparedQuery("SELECT refresh_token FROM lightspeed_token WHERE name = 'default'").execute()
                .await().atMost(Duration.ofSeconds(10)).iterator().next().getString("refresh_token");
        assertThat(stored).as("the rotated token is stored, not the one used").isNotIn(operatorsToken, "used-up-refresh-token");
    }

    @Test
    void aRefusedRefreshTokenThatIsTheConfiguredOneIsNotTriedTwice() {
        String usedUp = "used-up-" + System.nanoTime();
        storePair("expired-access", usedUp);
        int refusedBefore = STORE.refusedRefreshTokens();
        LightspeedTokens tokens = new LightspeedTokens(database, api, withRefreshToken(usedUp));

        assertThatThrownBy(() -> VertxContextSupport.subscribeAndAwait(() -> tokens.renewed("expired-access")))
                .hasMessageContaining("hub.lightspeed.refresh-token");
        assertThat(STORE.refusedRefreshTokens() - refusedBefore).isEqualTo(1);
    }

    private void storePair(String accessToken, String refreshToken) {
        database.preparedQuery("INSERT INTO lightspeed_token (name, access_token, refresh_token, expires_at) "
                        + "VALUES ('default', $1, $2, now() + interval '1 hour') ON CONFLICT (name) DO UPDATE "
                        + "SET access_token = $1, refresh_token = $2, expires_at = now() + interval '1 hour'")
                .execute(Tuple.of(accessToken, refreshToken)).await().atMost(Duration.ofSeconds(10));
    }

    /** This test's configuration with another configured refresh token. */
    private LightspeedConfig withRefreshToken(String refreshToken) {
        LightspeedConfig base = config;
        return new LightspeedConfig() {
            public URI baseUrl() { return base.baseUrl(); }
            public Optional<String> clientId() { return base.clientId(); }
            public Optional<String> clientSecret() { return base.clientSecret(); }
            public Optional<String> refreshToken() { return Optional.of(refreshToken); }
            public Optional<String> personalToken() { return Optional.empty(); }
            public Duration timeout() { return base.timeout(); }
            public Duration tokenSkew() { return base.tokenSkew(); }
            public int feedPageSize() { return base.feedPageSize(); }
            public Poll poll() { return base.poll(); }
            public RateLimit rateLimit() { return base.rateLimit(); }
            public Retry retry() { return base.retry(); }
        };
    }
}
