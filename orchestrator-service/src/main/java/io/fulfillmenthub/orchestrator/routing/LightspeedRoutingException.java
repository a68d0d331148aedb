package io.fulfillmenthub.orchestrator.routing;

import java.util.List;

/** The Lightspeed routing data is not usable; each problem names its configuration key. Stops startup. */
public class LightspeedRoutingException extends RuntimeException {

    private final List<String> problems;

    public LightspeedRoutingException(List<String> problems) {
        super("invalid Lightspeed routing data (" + LightspeedRoutingConfig.PREFIX + "):\n  - "
                + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
