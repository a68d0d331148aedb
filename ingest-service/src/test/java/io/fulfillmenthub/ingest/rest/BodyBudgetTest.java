package io.fulfillmenthub.ingest.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BodyBudgetTest {

    @Test
    void bodiesTakeFromOneBudgetAndWhatWouldPassItIsRefusedTakingNothing() {
        BodyBudget budget = new BodyBudget(10);

        assertThat(budget.take(6)).isTrue();
        assertThat(budget.take(5)).as("6 + 5 is over 10").isFalse();
        assertThat(budget.held()).isEqualTo(6);
        assertThat(budget.take(4)).isTrue();

        budget.giveBack(6);
        assertThat(budget.held()).isEqualTo(4);
        assertThat(budget.take(5)).isTrue();
    }
}
