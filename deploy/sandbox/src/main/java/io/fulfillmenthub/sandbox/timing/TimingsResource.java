package io.fulfillmenthub.sandbox.timing;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * {@code GET /_sandbox/timings}: every recorded moment as CSV ({@code mark,id,at_us}), compact enough
 * for hundreds of thousands of orders; {@code ?mark=} keeps one mark. {@code DELETE} forgets them all.
 */
@Path("/_sandbox/timings")
public class TimingsResource {

    static final String CSV = "text/csv";

    private final ScenarioTimings timings;

    TimingsResource(ScenarioTimings timings) {
        this.timings = timings;
    }

    @GET
    @Produces(CSV)
    public Response list(@RestQuery String mark) {
        List<ScenarioTimings.Mark> wanted = Arrays.stream(ScenarioTimings.Mark.values())
                .filter(m -> mark == null || mark.isBlank() || m.wire().equals(mark))
                .toList();
        if (wanted.isEmpty()) {
            return Response.status(400).type(CSV).entity("mark must be one of " + Arrays.stream(ScenarioTimings.Mark.values())
                    .map(ScenarioTimings.Mark::wire).collect(Collectors.joining(", ")) + "\n").build();
        }
        StringBuilder csv = new StringBuilder("mark,id,at_us\n");
        for (ScenarioTimings.Mark m : wanted) {
            for (Map.Entry<String, Long> entry : timings.of(m).entrySet()) {
                csv.append(m.wire()).append(',').append(field(entry.getKey())).append(',').append(entry.getValue())
                        .append('\n');
            }
        }
        return Response.ok(csv.toString(), CSV).build();
    }

    @DELETE
    public Response clear() {
        timings.clear();
        return Response.noContent().build();
    }

    /** RFC 4180: an id with a comma, quote or line break is quoted. */
    private static String field(String id) {
        if (id.indexOf(',') < 0 && id.indexOf('"') < 0 && id.indexOf('\n') < 0 && id.indexOf('\r') < 0) {
            return id;
        }
        return '"' + id.replace("\"", "\"\"") + '"';
    }
}
