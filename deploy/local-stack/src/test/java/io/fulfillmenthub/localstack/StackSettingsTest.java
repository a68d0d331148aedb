package io.fulfillmenthub.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class StackSettingsTest {

    @Test
    void replicaOneKeepsTheServicesPortAndEveryReplicaGetsItsOwn() {
        StackSettings settings = settings(defaultPorts()).withReplicas(3);

        List<Replica> replicas = Stream.of(HubService.values()).flatMap(service -> settings.replicas(service).stream()).toList();
        assertThat(replicas).hasSize(1 + 5 * 3);
        assertThat(replicas.stream().map(settings::port)).doesNotHaveDuplicates();
        for (HubService service : HubService.values()) {
            assertThat(settings.port(Replica.first(service))).isEqualTo(service.defaultPort);
        }
        assertThat(settings.port(new Replica(HubService.SPOD_CONNECTOR, 2))).isEqualTo(8182);
        assertThat(settings.port(new Replica(HubService.SPOD_CONNECTOR, 3))).isEqualTo(8282);
        assertThat(settings.replicas(HubService.SANDBOX)).containsExactly(Replica.first(HubService.SANDBOX));
        assertThat(new Replica(HubService.SPOD_CONNECTOR, 2).name()).isEqualTo("spod-connector-2");
    }

    @Test
    void moreReplicasThanTheFewestPartitionsOfAHubTopicAreRefused() {
        assertThat(StackSettings.MAX_REPLICAS).isEqualTo(3);
        assertThatThrownBy(() -> settings(defaultPorts()).withReplicas(StackSettings.MAX_REPLICAS + 1))
                .hasMessageContaining("replicas").hasMessageContaining(StackSettings.FEWEST_PARTITIONS.name());
        assertThatThrownBy(() -> settings(defaultPorts()).withReplicas(0)).hasMessageContaining("replicas");
    }

    @Test
    void replicasThatWouldShareAPortAreRefusedNamingBoth() {
        Map<HubService, Integer> ports = defaultPorts();
        ports.put(HubService.ORCHESTRATOR, 8180);

        assertThat(settings(ports).port(Replica.first(HubService.ORCHESTRATOR))).isEqualTo(8180);
        assertThatThrownBy(() -> settings(ports).withReplicas(2))
                .hasMessageContaining("ingest-service-2").hasMessageContaining("orchestrator-service")
                .hasMessageContaining("8180");
    }

    @Test
    void aHubServicesManagementPortIsItsPortPlus1000AndTheSandboxKeepsItsHealthOnItsPort() {
        StackSettings settings = settings(defaultPorts()).withReplicas(2);

        assertThat(settings.managementPort(Replica.first(HubService.INGEST))).isEqualTo(9080);
        assertThat(settings.managementPort(Replica.first(HubService.ORCHESTRATOR))).isEqualTo(9081);
        assertThat(settings.managementPort(Replica.first(HubService.POS_CONNECTOR))).isEqualTo(9084);
        assertThat(settings.managementPort(new Replica(HubService.SPOD_CONNECTOR, 2))).isEqualTo(9182);
        assertThat(settings.readinessPort(Replica.first(HubService.SPOD_CONNECTOR))).isEqualTo(9082);
        assertThat(settings.readinessPort(Replica.first(HubService.SANDBOX))).isEqualTo(8090);
        assertThatThrownBy(() -> settings.managementPort(Replica.first(HubService.SANDBOX)))
                .hasMessageContaining("sandbox");
    }

    @Test
    void managementPortsCanBeToldAndAManagementPortTakenByAnotherIsRefused() {
        StackSettings told = settings(defaultPorts()).withManagementPorts(Map.of(HubService.INGEST, 19080));
        assertThat(told.managementPort(Replica.first(HubService.INGEST))).isEqualTo(19080);
        assertThat(told.managementPort(Replica.first(HubService.ORCHESTRATOR))).isEqualTo(9081);

        assertThatThrownBy(() -> settings(defaultPorts()).withManagementPorts(Map.of(HubService.INGEST, 8081)))
                .hasMessageContaining("ingest-service's management interface").hasMessageContaining("orchestrator-service")
                .hasMessageContaining("8081");
    }

    private static StackSettings settings(Map<HubService, Integer> ports) {
        return new StackSettings(Path.of("."), Path.of(".hub"), 9092, 9093, 15432, ports, Map.of(), Duration.ofMinutes(1));
    }

    private static Map<HubService, Integer> defaultPorts() {
        Map<HubService, Integer> ports = new EnumMap<>(HubService.class);
        for (HubService service : HubService.values()) {
            ports.put(service, service.defaultPort);
        }
        return ports;
    }
}
