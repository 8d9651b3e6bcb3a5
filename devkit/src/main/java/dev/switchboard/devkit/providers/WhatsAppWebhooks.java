package dev.switchboard.devkit.providers;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Webhook bodies in Meta's real WhatsApp Cloud API shape, signed as Meta signs them. Used by the
 * channel's tests, the system test and the load generator; signs independently of channel-kit so
 * that a test does not check the code under test with itself.
 */
public final class WhatsAppWebhooks {
    public static final String PHONE_NUMBER_ID = "106540352242922";
    /** The development App Secret of the embedded default (README). */
    public static final String DEV_APP_SECRET = "switchboard-dev-whatsapp-app-secret";
    public static final String DEV_VERIFY_TOKEN = "switchboard-dev-whatsapp-verify-token";

    private WhatsAppWebhooks() {
    }

    public static String textMessage(String wamid, String waId, String name, String text) {
        return """
                {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"field":"messages",
                 "value":{"messaging_product":"whatsapp",
                  "metadata":{"display_phone_number":"15550783881","phone_number_id":"%s"},
                  "contacts":[{"profile":{"name":"%s"},"wa_id":"%s"}],
                  "messages":[{"id":"%s","from":"%s","timestamp":"1764062131","type":"text","text":{"body":"%s"}}]}}]}]}
                """.formatted(PHONE_NUMBER_ID, escape(name), waId, wamid, waId, escape(text));
    }

    public static String statuses(String wamid, String... states) {
        StringBuilder list = new StringBuilder();
        long timestamp = 1764062200;
        for (String state : states) {
            if (!list.isEmpty()) {
                list.append(',');
            }
            list.append("""
                    {"id":"%s","status":"%s","timestamp":"%d","recipient_id":"16505551234"}"""
                    .formatted(wamid, state, timestamp++));
        }
        return """
                {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"field":"messages",
                 "value":{"messaging_product":"whatsapp",
                  "metadata":{"display_phone_number":"15550783881","phone_number_id":"%s"},
                  "statuses":[%s]}}]}]}
                """.formatted(PHONE_NUMBER_ID, list);
    }

    /** The X-Hub-Signature-256 header value for a body. */
    public static String sign(String appSecret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Meta escapes non-ASCII as \\uXXXX; so do we, so that signatures are over realistic bytes. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
