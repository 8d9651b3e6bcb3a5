package dev.switchboard.channel.whatsapp.webhook;

import io.smallrye.config.ConfigMapping;

/** Secrets shared with Meta. Development defaults are in application.properties and the README. */
@ConfigMapping(prefix = "switchboard.whatsapp")
public interface WhatsAppConfig {

    /** The Meta App Secret: the key of X-Hub-Signature-256. */
    String appSecret();

    /** The token we typed into Meta's webhook settings; Meta echoes it in the verify handshake. */
    String verifyToken();
}
