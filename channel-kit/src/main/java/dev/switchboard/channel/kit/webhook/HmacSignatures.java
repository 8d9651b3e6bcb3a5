package dev.switchboard.channel.kit.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Provider webhook signatures: HMAC-SHA256 over the raw body bytes, compared in constant time.
 * Never verify a re-serialised body: providers sign the bytes as sent.
 */
public final class HmacSignatures {
    private static final String SHA256_PREFIX = "sha256=";

    private HmacSignatures() {
    }

    public static byte[] hmacSha256(String secret, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(message);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
    }

    /** Meta style {@code sha256=<lowercase hex>} (X-Hub-Signature-256): WhatsApp, Messenger, Instagram. */
    public static String sha256Hex(String secret, byte[] body) {
        return SHA256_PREFIX + HexFormat.of().formatHex(hmacSha256(secret, body));
    }

    /** X style {@code sha256=<base64>} (x-twitter-webhooks-signature, CRC response token). */
    public static String sha256Base64(String secret, byte[] body) {
        return SHA256_PREFIX + Base64.getEncoder().encodeToString(hmacSha256(secret, body));
    }

    /** True when {@code header} is the Meta-style signature of {@code body}; constant time. */
    public static boolean verifySha256Hex(String secret, byte[] body, String header) {
        if (header == null) {
            return false;
        }
        return constantTimeEquals(sha256Hex(secret, body), header.trim().toLowerCase(Locale.ROOT));
    }

    /** Compares two secrets or signatures without leaking through timing where they differ. */
    public static boolean constantTimeEquals(String expected, String actual) {
        if (expected == null || actual == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8));
    }
}
