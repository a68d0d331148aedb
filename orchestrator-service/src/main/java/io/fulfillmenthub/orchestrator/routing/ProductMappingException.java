package io.fulfillmenthub.orchestrator.routing;

import java.util.List;

/** The product mapping is not usable; each problem names its configuration key. Stops startup. */
public class ProductMappingException extends RuntimeException {

    private final List<String> problems;

    public ProductMappingException(List<String> problems) {
        super("invalid SPOD product mapping (" + SpodRoutingConfig.PREFIX + "):\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
