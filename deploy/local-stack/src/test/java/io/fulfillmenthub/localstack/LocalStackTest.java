package io.fulfillmenthub.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.fulfillmenthub.infra.FreePort;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The local stack as a newcomer uses it: one command starts everything, every service answers ready
 * on its management port (and health and metrics are not on its public port), and SIGTERM (what Ctrl-C and a service manager send) leaves no process behind. Needs the services
 * built, so it runs in {@code ./mvnw verify}, after their modules are packaged.
 */
class LocalStackTest {

    private static final Path HOME = Path.of("../..").toAbsolutePath().normalize();

    @Test
    void startsEveryServiceReadyAndStopsThemAllOnSigterm() throws Exception {
        Assumptions.assumeTrue(Files.exists(HOME.resolve("ingest-service/target/quarkus-app/quarkus-run.jar")),
                "services are not packaged (run ./mvnw verify)");
        Path data = Path.of(System.getProperty("java.io.tmpdir"), "local-stack-" + System.nanoTime());
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"),
                LocalStack.class.getName(),
                "--home", HOME.toString(),
                "--data-dir", data.toString(),
                "--kafka-port", String.valueOf(FreePort.find()),
                "--kafka-controller-port", String.valueOf(FreePort.find()),
                "--postgres-port", String.valueOf(FreePort.find())));
        List<Integer> readinessPorts = new ArrayList<>();
        List<Integer> publicPorts = new ArrayList<>();
        int orchestratorPort = 0;
        for (HubService service : HubService.values()) {
            int port = FreePort.find();
            if (service == HubService.ORCHESTRATOR) {
                orchestratorPort = port;
            }
            command.add("--port");
            command.add(service.serviceName + "=" + port);
            if (service.hasManagementInterface()) {
                int management = FreePort.find();
                command.add("--management-port");
                command.add(service.serviceName + "=" + management);
                readinessPorts.add(management);
                publicPorts.add(port);
            } else {
                readinessPorts.add(port);
            }
        }
        Process stack = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> output = new ArrayList<>();
        CompletableFuture<Boolean> ready = CompletableFuture.supplyAsync(() -> readUntilReady(stack, output));
        try {
            assertThat(ready.get(5, TimeUnit.MINUTES)).as("launcher said ready; its output: %s", output).isTrue();
            HttpClient http = HttpClient.newHttpClient();
            for (int port : readinessPorts) {
                HttpResponse<String> readiness = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(readiness.statusCode()).as("readiness on port %d: %s", port, readiness.body()).isEqualTo(200);
            }
            for (int port : publicPorts) {
                for (String path : List.of("/q/health/ready", "/q/metrics")) {
                    HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
                    assertThat(answer.statusCode()).as("%s on the public port %d", path, port).isEqualTo(404);
                }
            }
            // the operations API takes the token the launcher wrote and printed, and nothing less
            String orders = "http://localhost:" + orchestratorPort + "/orders";
            String token = Files.readString(data.resolve("operator-token")).trim();
            assertThat(launcherSaid(output)).contains(token).contains("curl -H \"Authorization: Bearer $(cat ")
                    .contains("operator-token)\" " + orders);
            assertThat(http.send(HttpRequest.newBuilder(URI.create(orders)).header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
            assertThat(http.send(HttpRequest.newBuilder(URI.create(orders)).build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode()).isEqualTo(401);
            List<ProcessHandle> services = stack.descendants().filter(p -> p.info().commandLine().orElse("")
                    .contains("quarkus-run.jar")).toList();
            assertThat(services).hasSize(HubService.values().length);
            for (ProcessHandle service : services) {
                String commandLine = service.info().commandLine().orElse("");
                if (commandLine.contains("-XX:SharedArchiveFile=")) {
                    // the JVM keeps the archive mapped only when it accepted it (same JDK, same class path)
                    assertThat(Files.readString(Path.of("/proc", Long.toString(service.pid()), "maps")))
                            .as("pid %d maps its class-data archive: %s", service.pid(), commandLine)
                            .contains("/target/quarkus-app/" + ProcessSupervisor.TRAINED_ARCHIVE);
                } else {
                    assertThat(commandLine).as("a service without an archive trains one").contains("-XX:ArchiveClassesAtExit=");
                }
            }

            stack.destroy(); // SIGTERM
            assertThat(stack.waitFor(90, TimeUnit.SECONDS)).as("launcher stopped; it said:%n%s", launcherSaid(output)).isTrue();
            for (ProcessHandle service : services) {
                assertThat(service.isAlive()).as("service pid %d after stop", service.pid()).isFalse();
            }
            assertThat(output).anyMatch(line -> line.contains("fsync on"));
            // after a graceful stop every service has an archive for its next start, newer than its runner
            for (HubService service : HubService.values()) {
                Path application = HOME.resolve(service.module).resolve("target/quarkus-app");
                Path archive = application.resolve(ProcessSupervisor.TRAINED_ARCHIVE);
                assertThat(archive).as("%s's class-data archive; the launcher said:%n%s", service.serviceName,
                        launcherSaid(output)).isNotEmptyFile();
                assertThat(Files.getLastModifiedTime(archive))
                        .isGreaterThan(Files.getLastModifiedTime(application.resolve("quarkus-run.jar")));
            }
        } finally {
            stack.descendants().forEach(ProcessHandle::destroyForcibly);
            stack.destroyForcibly();
        }
    }

    private static String launcherSaid(List<String> output) {
        synchronized (output) {
            return String.join(System.lineSeparator(), output);
        }
    }

    private static boolean readUntilReady(Process stack, List<String> output) {
        BufferedReader lines = new BufferedReader(new InputStreamReader(stack.getInputStream(), StandardCharsets.UTF_8));
        try {
            String line;
            while ((line = lines.readLine()) != null) {
                synchronized (output) {
                    output.add(line);
                }
                if (line.startsWith("The hub is ready")) {
                    // keep draining, so the launcher never blocks on a full pipe
                    CompletableFuture.runAsync(() -> lines.lines().forEach(rest -> {
                        synchronized (output) {
                            output.add(rest);
                        }
                    }));
                    return true;
                }
            }
            return false;
        } catch (Exception e) {
            return false;
        }
    }
}
