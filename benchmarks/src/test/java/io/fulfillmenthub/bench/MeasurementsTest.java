package io.fulfillmenthub.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MeasurementsTest {

    @Test
    void wrksSummaryLineIsReadAmongItsOtherOutput() {
        WrkResult result = WrkResult.parse("""
                Running 2s test @ http://localhost:8080/webhooks/spresso
                  2 threads and 32 connections
                Requests/sec:   6000.00
                BENCH requests=12000 duration_us=2000000 errors_connect=0 errors_read=1 errors_write=0 errors_status=2 errors_timeout=0 p50_us=812 p99_us=4210 max_us=9120
                """);

        assertThat(result.rate()).isEqualTo(6000.0);
        assertThat(result.errors()).isEqualTo(3);
        assertThat(result.p50Ms()).isEqualTo(0.812);
        assertThat(result.p99Ms()).isEqualTo(4.21);
        assertThat(result.maxMs()).isEqualTo(9.12);
    }

    @Test
    void producerPerformancesFinalSummaryIsReadNotItsProgressLines() {
        ProducerPerformance.Result result = ProducerPerformance.parse("""
                120001 records sent, 24000.2 records/sec (23.44 MB/sec), 40.1 ms avg latency, 310.0 ms max latency.
                300000 records sent, 48123.4 records/sec (46.99 MB/sec), 12.31 ms avg latency, 345.00 ms max latency, 10 ms 50th, 25 ms 95th, 31 ms 99th, 40 ms 99.9th.
                """);

        assertThat(result.records()).isEqualTo(300_000);
        assertThat(result.recordsPerSecond()).isEqualTo(48123.4);
        assertThat(result.p50Ms()).isEqualTo(10);
        assertThat(result.p99Ms()).isEqualTo(31);
    }

    @Test
    void percentilesAreByNearestRank() {
        List<Long> micros = new java.util.ArrayList<>();
        for (long i = 100; i >= 1; i--) {
            micros.add(i * 1000);
        }
        Latencies latencies = Latencies.ofMicros(micros);

        assertThat(latencies.count()).isEqualTo(100);
        assertThat(latencies.p50Ms()).isEqualTo(50);
        assertThat(latencies.p99Ms()).isEqualTo(99);
        assertThat(latencies.maxMs()).isEqualTo(100);
        assertThat(Latencies.percentile(new long[] {7}, 99)).isEqualTo(7);
    }

    @Test
    void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwoAndTheSpreadIsMinToMax() {
        Series series = Series.of(4, 1, 3, 2);

        assertThat(series.median()).isCloseTo(2.5, within(1e-9));
        assertThat(series.min()).isEqualTo(1);
        assertThat(series.max()).isEqualTo(4);
        assertThat(Series.of(5, 1, 9).median()).isEqualTo(5);
    }

    @Test
    void sandboxTimingsAreReadFromCsvAndJoinedThroughTheHubFulfillmentId() {
        Map<String, Long> times = SandboxControl.parseTimings("""
                mark,id,at_us
                spod-order-received,spresso:6114:f-1,1700000000123456
                """);

        assertThat(times).containsEntry("spresso:6114:f-1", 1700000000123456L);
        assertThat(HubIds.sourceOrderId("spresso:6114:f-1")).isEqualTo("6114");
        assertThat(HubIds.sourceFulfillmentId("spresso:6114:f-1")).isEqualTo("f-1");
    }
}
