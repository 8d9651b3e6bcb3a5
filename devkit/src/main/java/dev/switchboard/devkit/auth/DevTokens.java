package dev.switchboard.devkit.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.contract.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Bearer tokens of the embedded default, for tests and tools. {@link #fromIssuer} asks ticket-core's
 * development issuer ({@code POST /auth/token}), as a user would; {@link #mint} signs locally with the
 * development key ({@code dev-jwt/privateKey.pem}, the same pair ticket-core signs with and every
 * service verifies by default), for services that have no issuer of their own, such as routing's tests.
 */
public final class DevTokens {
    public static final String ISSUER = "urn:switchboard:dev-issuer";
    /** Every demo user's password in the embedded default. */
    public static final String DEMO_PASSWORD = "switchboard-dev";

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private DevTokens() {
    }

    /** A token from the development issuer of the ticket-core at {@code ticketCoreUrl} (e.g. http://127.0.0.1:8080). */
    public static String fromIssuer(String ticketCoreUrl, String user) {
        String body = new String(Json.write(Map.of("username", user, "password", DEMO_PASSWORD)), StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(ticketCoreUrl + "/auth/token"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<byte[]> response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the development issuer answered " + response.statusCode() + ": "
                        + new String(response.body(), StandardCharsets.UTF_8));
            }
            return Json.read(response.body(), JsonNode.class).path("access_token").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A token for this user with these roles and teams, valid for an hour, signed with the development key. */
    public static String mint(String user, List<String> roles, List<String> teams) {
        return sign(claims(user, roles, teams, Instant.now().plus(Duration.ofHours(1))), developmentKey());
    }

    /** The claims the development issuer writes; change them to build a wrong token on purpose. */
    public static Map<String, Object> claims(String user, List<String> roles, List<String> teams, Instant expiresAt) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", ISSUER);
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("sub", user);
        claims.put("upn", user);
        claims.put("groups", roles);
        claims.put("teams", teams);
        claims.put("iat", Instant.now().getEpochSecond());
        claims.put("exp", expiresAt.getEpochSecond());
        return claims;
    }

    /** An RS256 JWT of these claims. */
    public static String sign(Map<String, Object> claims, PrivateKey key) {
        String header = B64.encodeToString(Json.write(Map.of("alg", "RS256", "typ", "JWT")));
        String payload = B64.encodeToString(Json.write(claims));
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(key);
            rs256.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return header + "." + payload + "." + B64.encodeToString(rs256.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The development private key (PKCS#8 PEM on the class path). */
    public static PrivateKey developmentKey() {
        try (InputStream in = DevTokens.class.getResourceAsStream("/dev-jwt/privateKey.pem")) {
            if (in == null) {
                throw new IllegalStateException("dev-jwt/privateKey.pem is not on the class path");
            }
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A key nobody trusts: tokens signed with it must be refused. */
    public static PrivateKey strangerKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair().getPrivate();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
