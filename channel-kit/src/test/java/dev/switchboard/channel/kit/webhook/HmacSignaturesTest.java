package dev.switchboard.channel.kit.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HmacSignaturesTest {
    private static final byte[] BODY = "{\"object\":\"whatsapp_business_account\",\"text\":\"caf\\u00e9\"}"
            .getBytes(StandardCharsets.UTF_8);

    @Test
    void metaSignatureMatchesAKnownValue() {
        // Computed independently: printf '%s' 'The quick brown fox jumps over the lazy dog' | openssl dgst -sha256 -hmac key
        assertThat(HmacSignatures.sha256Hex("key", "The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
    }

    @Test
    void theBodyAsSentVerifiesAndATamperedOneDoesNot() {
        String header = HmacSignatures.sha256Hex("app-secret", BODY);
        assertThat(HmacSignatures.verifySha256Hex("app-secret", BODY, header)).isTrue();
        assertThat(HmacSignatures.verifySha256Hex("app-secret", BODY, header.toUpperCase().replace("SHA256=", "sha256=")))
                .as("hex case does not matter").isTrue();
        byte[] reserialised = "{\"object\":\"whatsapp_business_account\",\"text\":\"café\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(HmacSignatures.verifySha256Hex("app-secret", reserialised, header)).isFalse();
    }

    @Test
    void aMissingOrForeignSignatureIsRejected() {
        assertThat(HmacSignatures.verifySha256Hex("app-secret", BODY, null)).isFalse();
        assertThat(HmacSignatures.verifySha256Hex("app-secret", BODY, "")).isFalse();
        assertThat(HmacSignatures.verifySha256Hex("app-secret", BODY, HmacSignatures.sha256Hex("other-secret", BODY)))
                .isFalse();
    }

    @Test
    void xSignaturesAreBase64() {
        assertThat(HmacSignatures.sha256Base64("key", "The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("sha256=97yD9DBThCSxMpjmqm+xQ+9NWaFJRhdZl0edvC0aPNg=");
    }
}
