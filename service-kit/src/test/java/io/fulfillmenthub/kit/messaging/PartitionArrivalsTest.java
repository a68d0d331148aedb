package io.fulfillmenthub.kit.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PartitionArrivalsTest {

    private final PartitionArrivals arrivals = new PartitionArrivals();

    @Test
    void aPartitionIsFromElsewhereWhenNewHereOrWhenItsOffsetsJump() {
        assertThat(arrivals.arrivedFromElsewhere("facts", 0, 10)).as("first record seen of partition 0").isTrue();
        assertThat(arrivals.arrivedFromElsewhere("facts", 0, 11)).as("the next offset").isFalse();
        assertThat(arrivals.arrivedFromElsewhere("facts", 1, 11)).as("another partition, first seen").isTrue();
        assertThat(arrivals.arrivedFromElsewhere("facts", 0, 40)).as("partition 0 jumped: consumed elsewhere meanwhile").isTrue();
        assertThat(arrivals.arrivedFromElsewhere("facts", 0, 41)).isFalse();
        assertThat(arrivals.arrivedFromElsewhere("facts", 0, 41)).as("the same record again, after a restart of the poll").isTrue();
    }
}
