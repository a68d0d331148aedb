package io.fulfillmenthub.pos.lightspeed.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.fulfillmenthub.pos.lightspeed.LightspeedConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jboss.logging.Logger;

/**
 * Lightspeed's bearer token. With {@code hub.lightspeed.personal-token} set, that token. Otherwise the OAuth pair
 * stored in table {@code lightspeed_token}, shared by every replica: refresh tokens are single-use and rotate, so a
 * refresh happens in one place at a time, inside a transaction that first takes the advisory lock
 * {@code pg_advisory_xact_lock(hashtext('pos-connector/lightspeed-token'))}, reads the stored pair, and only calls
 * the token endpoint if the stored access token is still the one that was refused or about to expire; otherwise
 * another replica (or caller) refreshed meanwhile and its token is used. The new pair is stored before the
 * transaction ends. The configured refresh token seeds an empty table, and is tried once more when Lightspeed refuses
 * the stored one (an operator's new token after a lost refresh answer). Tokens and the secret are never logged.
 */
public class LightspeedTokens {

    private static final Logger LOG = Logger.getLogger(LightspeedTokens.class);

    public static final String LOCK = "pos-connector/lightspeed-token";
    static final String ROW = "default";
    static final String CALL = "POST /api/1.0/token";

    private final Pool database;
    private final LightspeedApi api;
    private final LightspeedConfig config;
    private final Duration skew;

    private volatile Cached cached;

    public LightspeedTokens(Pool database, LightspeedApi api, LightspeedConfig config) {
        this.database = database;
        this.api = api;
        this.config = config;
        this.skew = config.tokenSkew();
    }

    /** The token to send: the cached one, else the stored one, else a refreshed one. */
    public Uni<String> current() {
        if (config.personalToken().isPresent()) {
            return Uni.createFrom().item(config.personalToken().get());
        }
        Cached known = cached;
        if (known != null && known.usable(Instant.now(), skew)) {
            return Uni.createFrom().item(known.accessToken());
        }
        return database.preparedQuery("SELECT access_token, expires_at FROM lightspeed_token WHERE name = $1")
                .execute(Tuple.of(ROW))
                .chain(rows -> {
                    RowIterator<Row> found = rows.iterator();
                    if (found.hasNext()) {
                        Cached stored = cachedFrom(found.next());
                        if (stored != null && stored.usable(Instant.now(), skew)) {
                            cached = stored;
                            return Uni.createFrom().item(stored.accessToken());
                        }
                    }
                    return refresh(known == null ? null : known.accessToken());
                });
    }

    /** A token other than {@code refused}, which Lightspeed answered 401 to. */
    public Uni<String> renewed(String refused) {
        if (config.personalToken().isPresent()) {
            return Uni.createFrom().item(config.personalToken().get());
        }
        return refresh(refused);
    }

    private Uni<String> refresh(String refused) {
        return database.withTransaction(connection -> connection
                .preparedQuery("SELECT pg_advisory_xact_lock(hashtext($1))").execute(Tuple.of(LOCK))
                .chain(locked -> connection.preparedQuery(
                        "SELECT access_token, refresh_token, expires_at FROM lightspeed_token WHERE name = $1")
                        .execute(Tuple.of(ROW)))
                .chain(rows -> {
                    RowIterator<Row> found = rows.iterator();
                    String refreshToken;
                    if (found.hasNext()) {
                        Row row = found.next();
                        Cached stored = cachedFrom(row);
                        if (stored != null && !stored.accessToken().equals(refused) && stored.usable(Instant.now(), skew)) {
                            cached = stored;
                            return Uni.createFrom().item(stored.accessToken());
                        }
                        refreshToken = row.getString("refresh_token");
                    } else {
                        refreshToken = config.refreshToken().filter(token -> !token.isBlank())
                                .orElseThrow(() -> new IllegalStateException("no Lightspeed token stored and none configured: set "
                                        + "hub.lightspeed.refresh-token (HUB_LIGHTSPEED_REFRESH_TOKEN) or hub.lightspeed.personal-token"));
                    }
                    String configured = config.refreshToken().filter(token -> !token.isBlank()).orElse(null);
                    return callTokenEndpoint(refreshToken)
                            .onFailure(failure -> refusedGrant(failure) && configured != null && !configured.equals(refreshToken))
                            .recoverWithUni(refusedStored -> {
                                // the stored one is used up (a lost refresh answer, a store that forgot it): an operator's
                                // new token in the configuration takes over
                                LOG.warn("Lightspeed refused the stored refresh token: refreshing with the configured one "
                                        + "(hub.lightspeed.refresh-token)");
                                return callTokenEndpoint(configured);
                            })
                            .chain(pair -> store(connection, pair));
                }));
    }

    /** The token endpoint refused the refresh token itself (400, {@code invalid_grant}), not a failure on the way. */
    private static boolean refusedGrant(Throwable failure) {
        return failure instanceof LightspeedApiException refused && refused.status() == 400;
    }

    private Uni<TokenPair> callTokenEndpoint(String refreshToken) {
        String clientId = config.clientId().orElseThrow(
                () -> new IllegalStateException("hub.lightspeed.client-id is not set: it is needed to refresh Lightspeed tokens"));
        String clientSecret = config.clientSecret().orElseThrow(() -> new IllegalStateException(
                "hub.lightspeed.client-secret (HUB_LIGHTSPEED_CLIENT_SECRET) is not set: it is needed to refresh Lightspeed tokens"));
        return api.refresh("refresh_token", refreshToken, clientId, clientSecret)
                .ifNoItem().after(config.timeout()).fail()
                .map(response -> {
                    try (response) {
                        String body = response.hasEntity() ? response.readEntity(String.class) : null;
                        if (response.getStatus() != 200) {
                            throw LightspeedErrors.classify(CALL, response.getStatus(), body,
                                    response.getHeaderString("Retry-After"), Instant.now(), true);
                        }
                        return TokenPair.read(body, refreshToken, Instant.now());
                    }
                });
    }

    private Uni<String> store(SqlConnection connection, TokenPair pair) {
        OffsetDateTime expires = pair.expiresAt() == null ? null : pair.expiresAt().atOffset(ZoneOffset.UTC);
        return connection.preparedQuery("INSERT INTO lightspeed_token (name, access_token, refresh_token, expires_at, refreshed_at) "
                        + "VALUES ($1, $2, $3, $4, now()) ON CONFLICT (name) DO UPDATE SET access_token = EXCLUDED.access_token, "
                        + "refresh_token = EXCLUDED.refresh_token, expires_at = EXCLUDED.expires_at, refreshed_at = now()")
                .execute(Tuple.of(ROW, pair.accessToken(), pair.refreshToken(), expires))
                .map(done -> {
                    LOG.info("refreshed the Lightspeed access token and stored the rotated refresh token");
                    cached = new Cached(pair.accessToken(), pair.expiresAt());
                    return pair.accessToken();
                });
    }

    private static Cached cachedFrom(Row row) {
        String access = row.getString("access_token");
        if (access == null) {
            return null;
        }
        OffsetDateTime expires = row.getOffsetDateTime("expires_at");
        return new Cached(access, expires == null ? null : expires.toInstant());
    }

    /** @param expiresAt null when Lightspeed did not say: used until refused */
    private record Cached(String accessToken, Instant expiresAt) {

        boolean usable(Instant now, Duration skew) {
            return expiresAt == null || expiresAt.minus(skew).isAfter(now);
        }
    }

    /** A token answer: {@code access_token} required; {@code refresh_token}, {@code expires} (epoch s) or {@code expires_in} (s) read when present. */
    record TokenPair(String accessToken, String refreshToken, Instant expiresAt) {

        static TokenPair read(String body, String usedRefreshToken, Instant now) {
            JsonNode answer = LightspeedSale.tree(CALL, body);
            JsonNode access = answer.get("access_token");
            if (access == null || !access.isTextual() || access.asText().isBlank()) {
                throw new LightspeedAnswerException(CALL, "'access_token' is missing or not a string");
            }
            JsonNode refresh = answer.get("refresh_token");
            // [unknown] an answer without refresh_token: the used one is kept
            String next = refresh != null && refresh.isTextual() && !refresh.asText().isBlank() ? refresh.asText() : usedRefreshToken;
            Instant expiresAt = null;
            JsonNode expires = answer.get("expires");
            JsonNode expiresIn = answer.get("expires_in");
            if (expires != null && expires.canConvertToLong()) {
                expiresAt = Instant.ofEpochSecond(expires.asLong());
            } else if (expiresIn != null && expiresIn.canConvertToLong()) {
                expiresAt = now.plusSeconds(expiresIn.asLong());
            }
            return new TokenPair(access.asText(), next, expiresAt);
        }
    }
}
