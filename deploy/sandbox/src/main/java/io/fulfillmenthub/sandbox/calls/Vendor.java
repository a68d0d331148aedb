package io.fulfillmenthub.sandbox.calls;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** A vendor the sandbox simulates, the path prefix its API lives under, and whether it sends webhooks. */
public enum Vendor {
    SPRESSO("spresso", true),
    SPOD("spod", false);

    private final String id;
    private final boolean sendsWebhooks;

    Vendor(String id, boolean sendsWebhooks) {
        this.id = id;
        this.sendsWebhooks = sendsWebhooks;
    }

    public boolean sendsWebhooks() {
        return sendsWebhooks;
    }

    public String id() {
        return id;
    }

    public String pathPrefix() {
        return "/" + id;
    }

    /** A regular expression of every path of the vendor's API, for a route in front of it. */
    public String pathRegex() {
        return "^" + pathPrefix() + "(/.*)?$";
    }

    /** The ids, for messages: {@code spresso, spod}. */
    public static String ids() {
        return Arrays.stream(values()).map(Vendor::id).collect(Collectors.joining(", "));
    }

    public static Optional<Vendor> byId(String id) {
        return Arrays.stream(values()).filter(v -> v.id.equals(id)).findFirst();
    }

    /** The vendor whose API serves this request path, if any. */
    public static Optional<Vendor> servingPath(String path) {
        return Arrays.stream(values())
                .filter(v -> path.equals(v.pathPrefix()) || path.startsWith(v.pathPrefix() + "/"))
                .findFirst();
    }
}
