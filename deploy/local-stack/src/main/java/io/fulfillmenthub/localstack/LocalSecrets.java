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
 * kept (owner-readable only) in the data directory, handed to the processes as environment variables
 * (the sandbox's under its own keys, the hub's under the hub's: {@link ServiceWiring}). Each is marked as
 * a sandbox credential, which is all the sandbox accepts: it starts with {@value #MARK}, a hex one with
 * {@value #HEX_MARK} ("sandbox" in hex). A value from an older data directory that is not marked is made anew.
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

    /** What every sandbox credential starts with (the sandbox's SandboxCredentialMarks refuses any other). */
    static final String MARK = "sandbox-";
    /** What a hex sandbox credential starts with: "sandbox" in hex. */
    static final String HEX_MARK = "73616e64626f78";

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
            // a data directory made before a vendor was added gains its secrets; one from before the marks, marked ones
            String value = properties.getProperty(key);
            if (value == null || !value.startsWith(MARK)) {
                properties.setProperty(key, random());
                changed = true;
            }
        }
        String hex = properties.getProperty(SQUARESPACE_WEBHOOK_SECRET);
        if (hex == null || !hex.startsWith(HEX_MARK)) {
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

    /** 64 hex digits, as Squarespace issues them: the mark, then 25 random bytes. */
    private static String randomHex() {
        byte[] bytes = new byte[32 - HEX_MARK.length() / 2];
        RANDOM.nextBytes(bytes);
        return HEX_MARK + HexFormat.of().formatHex(bytes);
    }

    private static String random() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return MARK + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
