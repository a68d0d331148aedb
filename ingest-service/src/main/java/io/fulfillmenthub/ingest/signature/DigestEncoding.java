package io.fulfillmenthub.ingest.signature;

import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/** How bytes (a digest in a header, a secret in the configuration) are written as text. */
public enum DigestEncoding {

    BASE64("base64") {
        @Override
        public byte[] decode(String text) {
            return Base64.getDecoder().decode(text);
        }

        @Override
        public String encode(byte[] bytes) {
            return Base64.getEncoder().encodeToString(bytes);
        }
    },
    HEX("hex") {
        @Override
        public byte[] decode(String text) {
            return HexFormat.of().parseHex(text.toLowerCase(Locale.ROOT));
        }

        @Override
        public String encode(byte[] bytes) {
            return HexFormat.of().formatHex(bytes);
        }
    };

    private final String configName;

    DigestEncoding(String configName) {
        this.configName = configName;
    }

    /** @throws IllegalArgumentException when the text is not in this encoding */
    public abstract byte[] decode(String text);

    public abstract String encode(byte[] bytes);

    public static Optional<DigestEncoding> named(String name) {
        for (DigestEncoding encoding : values()) {
            if (encoding.configName.equals(name)) {
                return Optional.of(encoding);
            }
        }
        return Optional.empty();
    }

    /** The names, for messages: {@code base64, hex}. */
    public static String names() {
        return "base64, hex";
    }
}
