package io.fulfillmenthub.orchestrator.api;

import jakarta.json.JsonString;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who called an operator action, as its timeline entry names them: the token's {@code preferred_username}, else
 * its {@code upn}, else its {@code sub} (the order the hub's agreements give; smallrye-jwt's own
 * {@code getName()} prefers {@code upn}).
 */
public record Operator(String name) {

    static Operator of(SecurityContext security) {
        Principal principal = security.getUserPrincipal();
        if (principal instanceof JsonWebToken token) {
            for (String claim : new String[] {Claims.preferred_username.name(), Claims.upn.name(), Claims.sub.name()}) {
                Object value = token.getClaim(claim);
                String text = value instanceof JsonString json ? json.getString().trim()
                        : value == null ? null : value.toString().trim();
                if (text != null && !text.isEmpty()) {
                    return new Operator(text);
                }
            }
        }
        // @RolesAllowed lets no one in without a verified token; a principal without a name still acted
        return new Operator(principal == null || principal.getName() == null ? "unknown" : principal.getName());
    }

    /** As the timeline says it: {@code operator alice}. */
    public String describe() {
        return "operator " + name;
    }
}
