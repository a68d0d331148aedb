package io.fulfillmenthub.localstack;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A stand-in for a hub service in the supervisor's tests, so they start a process in a fraction of a
 * second instead of a Quarkus service: it answers 200 on {@code /q/health/ready} at
 * {@code -Dquarkus.http.port}. While a file {@value #CRASH} lies in its directory it exits 1 right
 * after start, as a service that cannot come up does. When it trains a class-data archive it writes
 * junk to the archive's file at once, as a JVM killed while dumping would leave it; a graceful exit
 * overwrites it with the real archive.
 */
final class TinyService {

    static final String CRASH = "crash";
    static final String HALF_ARCHIVE = "half an archive";

    public static void main(String[] args) throws IOException {
        if (Files.exists(Path.of(CRASH))) {
            System.out.println("found " + CRASH + ": exiting 1");
            System.exit(1);
        }
        for (String argument : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (argument.startsWith("-XX:ArchiveClassesAtExit=")) {
                Files.writeString(Path.of(argument.substring(argument.indexOf('=') + 1)), HALF_ARCHIVE);
            }
        }
        int port = Integer.getInteger("quarkus.http.port");
        HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
        server.createContext("/q/health/ready", exchange -> {
            byte[] body = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        System.out.println("ready on " + port);
    }
}
