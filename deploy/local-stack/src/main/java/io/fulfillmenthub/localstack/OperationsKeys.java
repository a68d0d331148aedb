package io.fulfillmenthub.localstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * The operations API's tokens on a local stack. The stack is its own identity provider: an RSA key pair per data
 * directory ({@code <data>/operations/}, owner-readable only, made on first start and kept), whose public key the
 * orchestrator verifies tokens with, and two tokens signed with it at every start, valid {@link #LIFETIME}: the
 * operator's (both roles, subject {@code local-operator}), written to {@code <data>/operator-token}, and a viewer's
 * (subject {@code local-viewer}). Delete {@code <data>/operations} to make a new key (old tokens then fail).
 */
public final class OperationsKeys {

    /** The issuer of the local stack's tokens; the orchestrator accepts no other. */
    public static final String ISSUER = "https://localhost/fulfillment-hub/local";
    public static final String VIEWER = "hub-viewer";
    public static final String OPERATOR = "hub-operator";
    static final String OPERATOR_SUBJECT = "local-operator";
    static final String VIEWER_SUBJECT = "local-viewer";
    static final Duration LIFETIME = Duration.ofDays(30);
    static final String OPERATOR_TOKEN_FILE = "operator-token";

    private static final String OWNER_ONLY = "rw-------";

    private final Path publicKey;
    private final Path operatorTokenFile;
    private final String operatorToken;
    private final String viewerToken;

    private OperationsKeys(Path publicKey, Path operatorTokenFile, String operatorToken, String viewerToken) {
        this.publicKey = publicKey;
        this.operatorTokenFile = operatorTokenFile;
        this.operatorToken = operatorToken;
        this.viewerToken = viewerToken;
    }

    /** Reads the data directory's key pair, or makes one; mints both tokens and writes the operator's. */
    public static OperationsKeys loadOrCreate(Path dataDir) throws IOException {
        Path keys = dataDir.resolve("operations");
        Path privateFile = keys.resolve("signing-key.pem");
        Path publicFile = keys.resolve("public-key.pem");
        PrivateKey signing;
        try {
            if (Files.exists(privateFile) && Files.exists(publicFile)) {
                signing = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pem(privateFile)));
            } else {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair pair = generator.generateKeyPair();
                Files.createDirectories(keys);
                writeOwnerOnly(privateFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
                writeOwnerOnly(publicFile, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
                signing = pair.getPrivate();
            }
            String operator = sign(signing, OPERATOR_SUBJECT, List.of(VIEWER, OPERATOR));
            String viewer = sign(signing, VIEWER_SUBJECT, List.of(VIEWER));
            Path tokenFile = dataDir.resolve(OPERATOR_TOKEN_FILE);
            writeOwnerOnly(tokenFile, operator + "\n");
            return new OperationsKeys(publicFile.toAbsolutePath(), tokenFile, operator, viewer);
        } catch (GeneralSecurityException | JoseException e) {
            throw new IOException("cannot make the operations key or tokens in " + keys + ": " + e.getMessage(), e);
        }
    }

    /** The public key the orchestrator verifies with, as a PEM file. */
    public Path publicKey() {
        return publicKey;
    }

    /** {@code <data>/operator-token}: the operator's token, for {@code $(cat .hub/operator-token)}. */
    public Path operatorTokenFile() {
        return operatorTokenFile;
    }

    /** Roles hub-viewer and hub-operator, subject local-operator. */
    public String operatorToken() {
        return operatorToken;
    }

    /** Role hub-viewer only, subject local-viewer. */
    public String viewerToken() {
        return viewerToken;
    }

    /** What the orchestrator is told (its env): the key and issuer to verify with, and Swagger UI on. */
    Map<String, String> orchestratorEnvironment() {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", publicKey.toString());
        environment.put("MP_JWT_VERIFY_ISSUER", ISSUER);
        environment.put("QUARKUS_SWAGGER_UI_ENABLE", "true");
        return environment;
    }

    static String sign(PrivateKey key, String subject, List<String> roles) throws JoseException {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setSubject(subject);
        claims.setStringListClaim("groups", roles);
        claims.setIssuedAtToNow();
        NumericDate expires = NumericDate.now();
        expires.addSeconds(LIFETIME.toSeconds());
        claims.setExpirationTime(expires);
        claims.setGeneratedJwtId();
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        return jws.getCompactSerialization();
    }

    static PublicKey readPublicKey(Path file) throws IOException, GeneralSecurityException {
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(pem(file)));
    }

    private static byte[] pem(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        return Base64.getMimeDecoder().decode(text.replaceAll("-----[A-Z ]+-----", ""));
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    private static void writeOwnerOnly(Path file, String content) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(OWNER_ONLY)));
        Files.writeString(file, content, StandardCharsets.US_ASCII);
    }
}
