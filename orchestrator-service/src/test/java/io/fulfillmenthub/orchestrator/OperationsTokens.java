package io.fulfillmenthub.orchestrator;

import io.fulfillmenthub.orchestrator.api.OperationsRoles;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.time.Duration;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Tokens for the operations API in tests, signed with the test key pair ({@code smallrye.jwt.sign.key.location}),
 * and a RestAssured {@link #given()} that sends the operator's: the tests that use the API as operators do.
 */
public final class OperationsTokens {

    private static volatile String operator;

    private OperationsTokens() {
    }

    /** The issuer the service checks ({@code mp.jwt.verify.issuer}). */
    public static String issuer() {
        return ConfigProvider.getConfig().getValue("mp.jwt.verify.issuer", String.class);
    }

    /** A token of this issuer for an hour, subject {@code subject}, with these roles; not signed yet. */
    public static JwtClaimsBuilder token(String subject, String... roles) {
        return Jwt.issuer(issuer()).subject(subject).groups(Set.of(roles)).expiresIn(Duration.ofHours(1));
    }

    /** Both roles, subject {@code test-operator}. */
    public static String operator() {
        if (operator == null) {
            operator = token("test-operator", OperationsRoles.VIEWER, OperationsRoles.OPERATOR).sign();
        }
        return operator;
    }

    /** A request carrying the operator's token. */
    public static RequestSpecification given() {
        return RestAssured.given().auth().oauth2(operator());
    }
}
