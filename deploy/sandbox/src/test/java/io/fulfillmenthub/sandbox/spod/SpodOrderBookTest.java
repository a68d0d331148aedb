package io.fulfillmenthub.sandbox.spod;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fulfillmenthub.sandbox.support.SandboxApis;
import io.fulfillmenthub.sandbox.timing.ScenarioTimings;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Listing walks an index of the orders by (updated, id); these tests hold it against the orders themselves,
 * through histories where orders are submitted, changed (moving {@code updated} later), refused and forgotten.
 */
class SpodOrderBookTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant START = Instant.parse("2026-11-23T10:15:30Z");
    private static final Comparator<SpodOrderDetail> BY_UPDATED_THEN_ID = Comparator
            .comparing((SpodOrderDetail d) -> Instant.parse(d.updated()))
            .thenComparing(SpodOrderDetail::externalOrderId);

    private final MovableClock clock = new MovableClock(START);
    private final SpodOrderBook book = new SpodOrderBook(clock, new ScenarioTimings(clock));
    private final Random random = new Random(20261123);
    private final List<String> ids = new ArrayList<>();

    @Test
    void pagingThroughEverythingReturnsEachOrderOnceInUpdatedThenIdOrderInItsLatestState() {
        play(600);
        List<SpodOrderDetail> all = book.all();
        assertThat(all).extracting(SpodOrderDetail::state)
                .contains("acknowledged", "confirmed", "sent", "failed", "canceled");

        for (int limit : new int[] {1, 3, 100, 1000}) {
            KeysetPager pager = new KeysetPager(limit);
            List<SpodOrderDetail> read = new ArrayList<>();
            List<SpodOrderDetail> page;
            while (!(page = pager.nextPage()).isEmpty()) {
                read.addAll(page);
            }
            assertThat(read).as("limit " + limit).isEqualTo(all);
        }
    }

    @Test
    void everyQueryAnswersWhatFilteringAndSortingEveryOrderAnswersWhileOrdersChange() {
        for (int round = 0; round < 300; round++) {
            play(2);
            List<SpodOrderDetail> all = book.all();
            for (int q = 0; q < 10; q++) {
                SpodOrderQuery query = new SpodOrderQuery(
                        1 + random.nextInt(random.nextBoolean() ? 10 : all.size() + 5),
                        random.nextInt(4) == 0 ? 0 : random.nextInt(random.nextBoolean() ? 5 : all.size() + 5),
                        bound(all, SpodOrderDetail::updated),
                        random.nextBoolean() ? Instant.EPOCH : bound(all, SpodOrderDetail::created),
                        random.nextBoolean() ? Optional.empty()
                                : Optional.of(SpodOrderState.values()[random.nextInt(SpodOrderState.values().length)]));

                assertThat(book.list(query)).as(query.toString()).isEqualTo(everyOrderFilteredAndSorted(all, query));
            }
        }
    }

    @Test
    void aResetForgetsEveryOrderAndAChangeStillOnTheWayDoesNotBringOneBack() {
        play(30);
        SpodOrder forgotten = book.submit(submission("spresso:6114:f-1"));
        book.clear();
        SpodOrder again = book.submit(submission("spresso:6114:f-1"));

        book.change(forgotten, forgotten::fail);

        assertThat(everything()).containsExactly(again.detail());
        assertThat(again.detail().state()).isEqualTo("acknowledged");
        play(50);
        assertThat(everything()).isEqualTo(book.all()).contains(again.detail());
    }

    /** What listing answered before it had an index: filter every order, sort, then page. */
    private static List<SpodOrderDetail> everyOrderFilteredAndSorted(List<SpodOrderDetail> all, SpodOrderQuery query) {
        return all.stream()
                .filter(d -> !Instant.parse(d.updated()).isBefore(query.updatedSince()))
                .filter(d -> !Instant.parse(d.created()).isBefore(query.createdSince()))
                .filter(d -> query.state().map(state -> state.wire().equals(d.state())).orElse(true))
                .sorted(BY_UPDATED_THEN_ID)
                .skip(query.offset())
                .limit(query.limit())
                .toList();
    }

    private List<SpodOrderDetail> everything() {
        return book.list(new SpodOrderQuery(Integer.MAX_VALUE, 0, Instant.EPOCH, Instant.EPOCH, Optional.empty()));
    }

    /** A time bound around the orders' times: exact, a millisecond or half of one either side, or outside. */
    private Instant bound(List<SpodOrderDetail> all, Function<SpodOrderDetail, String> time) {
        if (all.isEmpty() || random.nextInt(5) == 0) {
            return random.nextBoolean() ? Instant.EPOCH : clock.instant().plusSeconds(1);
        }
        Instant at = Instant.parse(time.apply(all.get(random.nextInt(all.size()))));
        return switch (random.nextInt(5)) {
            case 0 -> at.minusMillis(1);
            case 1 -> at.plusMillis(1);
            case 2 -> at.minusNanos(500_000);
            case 3 -> at.plusNanos(500_000);
            default -> at;
        };
    }

    /**
     * Random steps: new orders, and changes to random orders, legal or not. The clock often stands still,
     * so many orders share an {@code updated} and a change moves {@code updated} past the clock.
     */
    private void play(int steps) {
        for (int step = 0; step < steps; step++) {
            if (random.nextInt(3) == 0) {
                clock.advanceMillis(random.nextInt(3));
            }
            if (ids.isEmpty() || random.nextInt(5) < 2) {
                String id = "spresso:" + Integer.toHexString(random.nextInt(4096)) + ":f-" + ids.size();
                book.submit(submission(id));
                ids.add(id);
                continue;
            }
            Optional<SpodOrder> found = book.find(ids.get(random.nextInt(ids.size())));
            if (found.isEmpty()) {
                continue;
            }
            SpodOrder order = found.get();
            try {
                switch (random.nextInt(5)) {
                    case 0 -> book.change(order, order::confirm);
                    case 1 -> {
                        String tracking = "1Z" + step;
                        book.change(order, now -> order.send(List.of(new SpodShipment("UPS", tracking,
                                "https://www.ups.com/track?tracknum=" + tracking, now, order.lines())), now));
                    }
                    case 2 -> book.change(order, order::fail);
                    case 3 -> book.change(order, order::cancel);
                    default -> book.change(order, now -> {
                        throw new IllegalArgumentException("shipments[0].carrier: is required");
                    });
                }
            } catch (IllegalSpodTransition | IllegalArgumentException refused) {
                // the order stays as it was
            }
        }
    }

    private static SpodOrderSubmission submission(String externalOrderId) {
        return SpodOrderSubmission.from(JSON.valueToTree(SandboxApis.spodOrder(externalOrderId)));
    }

    /**
     * Pages by key: {@code updated-since} the newest {@code updated} read, offset past the orders read at
     * exactly it. Exact while nothing changes, which is what this test needs; the hub's poller reads the
     * orders at its bound again instead, so a change between two pages cannot make it skip one.
     */
    private final class KeysetPager {
        private final int limit;
        private Instant cursor = Instant.EPOCH;
        private int readAtCursor;

        KeysetPager(int limit) {
            this.limit = limit;
        }

        List<SpodOrderDetail> nextPage() {
            List<SpodOrderDetail> page = book.list(
                    new SpodOrderQuery(limit, readAtCursor, cursor, Instant.EPOCH, Optional.empty()));
            for (SpodOrderDetail read : page) {
                Instant updated = Instant.parse(read.updated());
                if (updated.equals(cursor)) {
                    readAtCursor++;
                } else {
                    cursor = updated;
                    readAtCursor = 1;
                }
            }
            return page;
        }
    }

    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advanceMillis(long millis) {
            now = now.plusMillis(millis);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }
}
