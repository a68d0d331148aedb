package io.fulfillmenthub.orchestrator.fulfiller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fulfillmenthub.contracts.MessageTypes;
import io.fulfillmenthub.contracts.Topics;
import io.fulfillmenthub.contracts.commands.CancelPrintOrder;
import io.fulfillmenthub.contracts.commands.CancelSale;
import io.fulfillmenthub.contracts.commands.CreateSale;
import io.fulfillmenthub.contracts.commands.FulfilSale;
import io.fulfillmenthub.contracts.commands.SaleMode;
import io.fulfillmenthub.contracts.model.Address;
import io.fulfillmenthub.contracts.model.Fulfiller;
import io.fulfillmenthub.orchestrator.domain.FulfillerIntent;
import io.fulfillmenthub.orchestrator.domain.Route;
import java.math.BigDecimal;
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
    void aStoreIntentBecomesLightspeedsSaleCommandsOnThePosTopicAndNeverASpodCommand() {
        var both = new FulfillerCommandMappers(List.of(new SpodCommandMapper(), new LightspeedCommandMapper()));
        var line = new CreateSale.Line("var-7", "product-1", 2, new BigDecimal("18.00"), new BigDecimal("1.80"), "tax-1");
        var store = new Route.Store(Fulfiller.LIGHTSPEED, "main-street", "outlet-1", "register-1", "user-1",
                SaleMode.PICKUP, List.of(line));
        var shipTo = new Address("Ada", "Lovelace", null, "12 Crescent Road", null, "London", "NW1 4NP", null, "GB", null);

        var create = both.command(new FulfillerIntent.Submit(Fulfiller.LIGHTSPEED, "spresso:1", "spresso:1:f-2", null,
                store, shipTo, "SPRESSO order 1001"));
        assertThat(create).isEqualTo(new CreateSale("spresso:1", "spresso:1:f-2", SaleMode.PICKUP, "outlet-1",
                "register-1", "user-1", List.of(line), "SPRESSO order 1001 (fulfillment spresso:1:f-2)"));
        assertThat(both.command(new FulfillerIntent.Cancel(Fulfiller.LIGHTSPEED, "spresso:1", "spresso:1:f-2", null,
                "customer asked"))).isEqualTo(new CancelSale("spresso:1", "spresso:1:f-2", "customer asked"));
        var fulfil = both.command(new FulfillerIntent.Handover(Fulfiller.LIGHTSPEED, "spresso:1", "spresso:1:f-2",
                SaleMode.PICKUP));
        assertThat(fulfil).isEqualTo(new FulfilSale("spresso:1", "spresso:1:f-2", SaleMode.PICKUP));
        assertThat(List.of(create, fulfil)).allSatisfy(command -> assertThat(MessageTypes.of(command).topic())
                .isEqualTo(Topics.COMMANDS_POS));

        assertThatThrownBy(() -> new SpodCommandMapper().submit(new FulfillerIntent.Submit(Fulfiller.SPOD, "spresso:1",
                "spresso:1:f-2", null, store, shipTo, "SPRESSO order 1001"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> both.command(new FulfillerIntent.Handover(Fulfiller.SPOD, "spresso:1", "spresso:1:f-1",
                SaleMode.PICKUP))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SPOD hands nothing over at a store");
    }

    @Test
    void twoMappersForOneFulfillerAreRefusedAtStart() {
        assertThatThrownBy(() -> new FulfillerCommandMappers(List.of(new SpodCommandMapper(), new SpodCommandMapper())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("two command mappers for SPOD");
    }
}
