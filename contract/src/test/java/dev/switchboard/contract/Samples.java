package dev.switchboard.contract;

import dev.switchboard.contract.intake.Attachment;
import dev.switchboard.contract.intake.InboundMessage;
import dev.switchboard.contract.intake.Sender;
import java.time.Instant;
import java.util.List;

/** Realistic events for the mapping tests. */
final class Samples {
    private Samples() {
    }

    static InboundMessage whatsappMessage() {
        String wamid = "wamid.HBgLMTY1MDU1NTEyMzQVAgASGBQzQTdCMjY0";
        return new InboundMessage(
                MessageIds.inbound(Channel.WHATSAPP, wamid),
                Channel.WHATSAPP,
                "106540352242922",
                wamid,
                "whatsapp:106540352242922:16505551234",
                Instant.parse("2026-11-25T09:15:30Z"),
                Instant.parse("2026-11-25T09:15:31.250Z"),
                new Sender("Sheena Ortiz", null, "+16505551234", "16505551234", null),
                null,
                "My router keeps dropping the connection — since this morning. Ünïcødé ✓",
                null,
                List.of(new Attachment("router.jpg", "image/jpeg", 48213,
                        "8f434346648f6b96df89dda901c5176b10a6d83961dd3c1ac88b59b2dc327aa4", "whatsapp-media:1234")),
                List.of("wamid.previous"),
                false,
                "en",
                "raw:whatsapp/2026/11/25/abc");
    }
}
