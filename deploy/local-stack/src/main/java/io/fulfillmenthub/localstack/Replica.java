package io.fulfillmenthub.localstack;

/**
 * One process of a service: replica 1 is the service as a single-replica stack runs it (its port, its
 * log {@code <service>.log}); replica {@code n} is named {@code <service>-n}.
 */
public record Replica(HubService service, int number) {

    public Replica {
        if (number < 1) {
            throw new IllegalArgumentException("replica number must be at least 1, was " + number);
        }
    }

    public static Replica first(HubService service) {
        return new Replica(service, 1);
    }

    /** {@code spod-connector} for replica 1, {@code spod-connector-2} for replica 2. */
    public String name() {
        return number == 1 ? service.serviceName : service.serviceName + "-" + number;
    }

    @Override
    public String toString() {
        return name();
    }
}
