package io.fulfillmenthub.pos.lightspeed.client;

/**
 * A 2xx answer the connector cannot read: not JSON, or a field it needs missing or of the wrong type. The
 * message names the call and the field. Neither transient nor a contract break of the hub's own: the consumer
 * retries it, then dead-letters it for an operator.
 */
public final class LightspeedAnswerException extends RuntimeException {

    public LightspeedAnswerException(String call, String problem) {
        super("Lightspeed's answer to " + call + " is unreadable: " + problem);
    }
}
