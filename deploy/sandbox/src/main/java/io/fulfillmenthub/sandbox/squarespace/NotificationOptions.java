package io.fulfillmenthub.sandbox.squarespace;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How a control call's notification goes: sent or not ({@code notify}, default true), how many times
 * ({@code times}, default 1), held until the order's next notification ({@code hold}, default false).
 */
public record NotificationOptions(@JsonProperty("notify") Boolean sendNotification, Integer times, Boolean hold) {

    static final int MAX_TIMES = 20;

    static NotificationOptions once() {
        return new NotificationOptions(null, null, null);
    }

    boolean sent() {
        return sendNotification == null || sendNotification;
    }

    int deliveries() {
        return times == null ? 1 : times;
    }

    boolean held() {
        return hold != null && hold;
    }

    /** @throws IllegalArgumentException naming the bad field */
    void check() {
        if (deliveries() < 1 || deliveries() > MAX_TIMES) {
            throw new IllegalArgumentException("times: must be from 1 to " + MAX_TIMES);
        }
    }
}
