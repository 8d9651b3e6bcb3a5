package dev.switchboard.devkit.providers;

import dev.switchboard.contract.Channel;
import dev.switchboard.contract.MessageIds;
import dev.switchboard.contract.intake.InboundMessage;
import dev.switchboard.contract.intake.Sender;
import java.time.Instant;
import java.util.List;

/** Normalised messages as a channel adapter would publish them, for services' tests. */
public final class SampleMessages {
    private SampleMessages() {
    }

    /** A WhatsApp text from {@code waId} to the sample business number. */
    public static InboundMessage whatsapp(String wamid, String waId, String name, String text) {
        Instant now = Instant.now();
        return new InboundMessage(
                MessageIds.inbound(Channel.WHATSAPP, wamid),
                Channel.WHATSAPP,
                WhatsAppWebhooks.PHONE_NUMBER_ID,
                wamid,
                "whatsapp:" + WhatsAppWebhooks.PHONE_NUMBER_ID + ":" + waId,
                now.minusSeconds(1),
                now,
                new Sender(name, null, "+" + waId, waId, null),
                null,
                text,
                null,
                List.of(),
                List.of(),
                false,
                null,
                null);
    }
}
