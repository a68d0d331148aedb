package io.fulfillmenthub.orchestrator.routing;

import java.util.List;

/** The storefront routing rules or the fulfillable rule are not usable; each problem names its key. Stops startup. */
public class RoutingRulesException extends RuntimeException {

    private final List<String> problems;

    public RoutingRulesException(List<String> problems) {
        super("invalid routing rules:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
