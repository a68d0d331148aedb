package io.fulfillmenthub.orchestrator.fulfiller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fulfillmenthub.contracts.MessageTypes;
import io.fulfillmenthub.contracts.Topics;
import io.fulfillmenthub.contracts.commands.CancelPrintOrder;
import io.fulfillmenthub.contracts.model.Fulfiller;
import io.fulfillmenthub.orchestrator.domain.FulfillerIntent;
import java.util.List;
import org.junit.jupiter.api.Test;

class FulfillerCommandMappersTest {

    private final FulfillerCommandMappers mappers = new FulfillerCommandMappers(List.of(new SpodCommandMapper()));

    @Test
    void aSpodIntentBecomesASpodCommandOnSpodsTopicNamingTheCurrentSubmission() {
        var cancel = mappers.command(new FulfillerIntent.Cancel(Fulfiller.SPOD, "spresso:1", "spresso:1:f-1",
                "spresso:1:f-1-r2", "customer asked"));
        assertThat(cancel).isInstanceOf(CancelPrintOrder.class);
        assertThat(((CancelPrintOrder) cancel).externalIdAtFulfiller()).isEqualTo("spresso:1:f-1-r2");
        assertThat(MessageTypes.of(cancel).topic()).isEqualTo(Topics.COMMANDS_SPOD);
    }

    @Test
    void anIntentForAFulfillerWithoutAMapperIsRefusedNotSentAsAnotherFulfillersCommand() {
        assertThat(mappers.maps(Fulfiller.SPOD)).isTrue();
        assertThat(mappers.maps(Fulfiller.LIGHTSPEED)).isFalse();
        assertThatThrownBy(() -> mappers.command(new FulfillerIntent.Cancel(Fulfiller.LIGHTSPEED, "spresso:1",
                "spresso:1:f-2", null, null))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no command mapper for LIGHTSPEED");
        assertThatThrownBy(() -> new SpodCommandMapper().cancel(new FulfillerIntent.Cancel(Fulfiller.LIGHTSPEED,
                "spresso:1", "spresso:1:f-2", null, null))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void twoMappersForOneFulfillerAreRefusedAtStart() {
        assertThatThrownBy(() -> new FulfillerCommandMappers(List.of(new SpodCommandMapper(), new SpodCommandMapper())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("two command mappers for SPOD");
    }
}
