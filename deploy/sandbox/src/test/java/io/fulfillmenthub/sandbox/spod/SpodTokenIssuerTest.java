package io.fulfillmenthub.sandbox.spod;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SpodTokenIssuerTest {

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        private Instant now = Instant.parse("2026-11-23T10:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final ManualClock clock = new ManualClock();
    private final SpodTokenIssuer issuer = new SpodTokenIssuer(clock, 60);

    @Test
    void aTokenIsValidUntilItExpires() {
        String token = issuer.issue(SpodTokenIssuer.ALL_SCOPES).accessToken();
        clock.advance(Duration.ofSeconds(59));

        assertThat(issuer.scopesOf(token)).contains(SpodTokenIssuer.ALL_SCOPES);
    }

    @Test
    void anExpiredTokenIsNoLongerAccepted() {
        String token = issuer.issue(SpodTokenIssuer.ALL_SCOPES).accessToken();
        clock.advance(Duration.ofSeconds(60));

        assertThat(issuer.scopesOf(token)).isEmpty();
    }

    @Test
    void aTokenCarriesOnlyTheScopesGranted() {
        String token = issuer.issue(Set.of(SpodTokenIssuer.READ)).accessToken();

        assertThat(issuer.scopesOf(token)).contains(Set.of(SpodTokenIssuer.READ));
    }

    @Test
    void aTokenThatWasNeverIssuedIsUnknown() {
        assertThat(issuer.scopesOf("abc.def.ghj")).isEmpty();
    }
}
