# One image recipe for every hub service and the sandbox: docker compose passes the module to build.
# Build context: the repository root.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
ARG MODULE
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B --no-transfer-progress -DskipTests -pl "${MODULE}" -am package

FROM eclipse-temurin:17-jre
ARG MODULE
WORKDIR /app
COPY --from=build /src/${MODULE}/target/quarkus-app/ /app/
# As the local stack runs them (ProcessSupervisor): a bounded heap and the serial collector. The JVM
# reads JAVA_TOOL_OPTIONS itself; compose or a cluster manifest can override it.
ENV JAVA_TOOL_OPTIONS="-XX:+UseSerialGC -Xms32m -Xmx192m -XX:+ExitOnOutOfMemoryError"
# A service listens on loopback unless told (application.properties); in a container it must take connections
# from outside it, so here it listens on every interface of the container and Docker's publishing (or the
# cluster's network policy) decides who reaches it. The management interface (health, metrics) likewise, for
# the cluster's probes; docker-compose.yml publishes none of its ports.
ENV QUARKUS_HTTP_HOST=0.0.0.0
ENV QUARKUS_MANAGEMENT_HOST=0.0.0.0
# glibc's malloc: at most two arenas, not one per core and thread (tens of MB of resident memory otherwise)
ENV MALLOC_ARENA_MAX=2
# The class-data archive (app-cds.jsa, about a second less CPU per start): a JVM accepts only one written
# by its own build, so this stage writes it again with its own JRE, the way Quarkus's package step does
# (a run to the end of static init). Without it the service starts as usual, only slower.
RUN rm -f app-cds.jsa \
    && (java -XX:ArchiveClassesAtExit=app-cds.jsa -Dquarkus.appcds.generate=true -jar quarkus-run.jar \
        || echo "no class-data archive: the service starts without it")
USER 185
ENTRYPOINT ["java", "-XX:SharedArchiveFile=app-cds.jsa", "-jar", "quarkus-run.jar"]
