package io.fulfillmenthub.localstack;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Properties;

/**
 * The credentials the sandbox and the hub share on a local stack: made at random on first start,
 * kept (owner-readable only) in the data directory, handed to the processes as environment variables.
 */
public record LocalSecrets(String spressoClientSecret, String spressoApiToken, String spodApiKey, String spodApiSecret,
        String squarespaceWebhookSecret, String squarespaceApiKey, String lightspeedClientSecret,
        String lightspeedRefreshToken) {

    /** Squarespace issues webhook subscription secrets as 64 hex digits; the hub hex-decodes them. */
    static final String SQUARESPACE_WEBHOOK_SECRET = "squarespace.webhook-secret";
    static final String SQUARESPACE_API_KEY = "squarespace.api-key";
    /** Signs the sandbox's Lightspeed webhooks and authenticates the pos-connector's token refreshes. */
    static final String LIGHTSPEED_CLIENT_SECRET = "lightspeed.client-secret";
    /** The first refresh token the sandbox issues; single-use: the pos-connector stores the ones it rotates to. */
    static final String LIGHTSPEED_REFRESH_TOKEN = "lightspeed.refresh-token";

    private static final SecureRandom RANDOM = new SecureRandom();

    public static LocalSecrets loadOrCreate(Path file) throws IOException {
        Properties properties = new Properties();
        if (Files.exists(file)) {
            try (Reader reader = Files.newBufferedReader(file)) {
                properties.load(reader);
            }
        }
        boolean changed = false;
        for (String key : new String[] {"spresso.client-secret", "spresso.api-token", "spod.api-key", "spod.api-secret",
                SQUARESPACE_API_KEY, LIGHTSPEED_CLIENT_SECRET, LIGHTSPEED_REFRESH_TOKEN}) {
            if (properties.getProperty(key) == null) {
                properties.setProperty(key, random());
                changed = true;
            }
        }
        // a data directory made before Squarespace gains its secrets; the others stay as they were
        if (properties.getProperty(SQUARESPACE_WEBHOOK_SECRET) == null) {
            properties.setProperty(SQUARESPACE_WEBHOOK_SECRET, randomHex());
            changed = true;
        }
        if (changed) {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (Writer writer = Files.newBufferedWriter(file)) {
                properties.store(writer, "local stack credentials shared by the sandbox and the hub; delete to make new ones");
            }
        }
        return new LocalSecrets(properties.getProperty("spresso.client-secret"), properties.getProperty("spresso.api-token"),
                properties.getProperty("spod.api-key"), properties.getProperty("spod.api-secret"),
                properties.getProperty(SQUARESPACE_WEBHOOK_SECRET), properties.getProperty(SQUARESPACE_API_KEY),
                properties.getProperty(LIGHTSPEED_CLIENT_SECRET), properties.getProperty(LIGHTSPEED_REFRESH_TOKEN));
    }

    private static String randomHex() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static String random() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
