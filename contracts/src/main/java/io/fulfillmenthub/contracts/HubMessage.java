package io.fulfillmenthub.contracts;

/**
 * A message whose shape the hub defines: a fact, a command or a lifecycle event. Its hub order id is
 * the Kafka key and the CloudEvent subject, so one order's messages stay in order on one partition.
 */
public sealed interface HubMessage permits Fact, Command, LifecycleEvent {

    /** {@code <source>:<source order id>}, e.g. {@code spresso:6114}. */
    String hubOrderId();
}
