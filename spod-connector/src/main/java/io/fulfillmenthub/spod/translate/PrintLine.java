package io.fulfillmenthub.spod.translate;

/** One order line as submitted to SPOD: what the poller needs to map SPOD's stock-keeping units back to lines. */
public record PrintLine(String lineId, String stockKeepingUnit, int quantity) {
}
