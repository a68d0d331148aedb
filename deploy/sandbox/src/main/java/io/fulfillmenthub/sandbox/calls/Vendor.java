package io.fulfillmenthub.sandbox.calls;

import java.util.Arrays;
import java.util.Optional;

/** A vendor the sandbox simulates, and the path prefix its API lives under. */
public enum Vendor {
    SPRESSO("spresso"),
    SPOD("spod");

    private final String id;

    Vendor(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public String pathPrefix() {
        return "/" + id;
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
