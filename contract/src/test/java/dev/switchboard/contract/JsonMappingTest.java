package dev.switchboard.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.contract.intake.DeliveryStatus;
import dev.switchboard.contract.intake.InboundMessage;
import dev.switchboard.contract.outbound.OutboundMessage;
import dev.switchboard.contract.routing.Classification;
import dev.switchboard.contract.routing.ContactContext;
import dev.switchboard.contract.routing.Decision;
import dev.switchboard.contract.routing.DuplicateLinked;
import dev.switchboard.contract.routing.MessageAssigned;
import dev.switchboard.contract.routing.MessageQueued;
import dev.switchboard.contract.routing.RoutingEvent;
import dev.switchboard.contract.ticket.TicketEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class JsonMappingTest {

    private final InboundMessage message = Samples.whatsappMessage();
    private final Decision decision = new Decision(UUID.randomUUID(), Instant.parse("2026-11-25T09:15:32Z"),
            List.of("rule 'router keywords' set product=Home Router", "alice: skill connectivity 4, load 2/10"));
    private final ContactContext peter = new ContactContext(UUID.randomUUID(), "Peter Claes", "Acme NV", "business",
            "100k-1M", LocalDate.parse("2026-08-25"), "nl", "Antwerp", List.of("Home Router X2"), 1, "email");

    @Test
    void anInboundMessageSurvivesTheWireUnchanged() {
        byte[] json = Json.write(message);
        assertThat(Json.read(json, InboundMessage.class)).isEqualTo(message);
        assertThat(new String(json, StandardCharsets.UTF_8))
                .contains("\"channel\":\"whatsapp\"")
                .contains("\"receivedAt\":\"2026-11-25T09:15:31.250Z\"")
                .doesNotContain("\"subject\""); // absent fields are left out, not null
    }

    @Test
    void fieldsAddedByANewerProducerAreIgnored() {
        String json = new String(Json.write(message), StandardCharsets.UTF_8)
                .replaceFirst("\\{", "{\"sentiment\":\"angry\",\"futureField\":{\"x\":1},");
        assertThat(Json.read(json.getBytes(StandardCharsets.UTF_8), InboundMessage.class)).isEqualTo(message);
    }

    @Test
    void aMessageWithoutSenderIsNotAValidEvent() {
        String json = "{\"id\":\"" + message.id() + "\",\"channel\":\"whatsapp\",\"providerMessageId\":\"x\","
                + "\"conversationKey\":\"k\",\"receivedAt\":\"2026-11-25T09:15:31Z\"}";
        assertThatThrownBy(() -> Json.read(json.getBytes(StandardCharsets.UTF_8), InboundMessage.class))
                .isInstanceOf(Json.MalformedEventException.class)
                .hasMessageContaining("sender");
    }

    @Test
    void routingEventsKeepTheirKindAcrossTheWire() {
        Classification classification = new Classification("Home Router X2", "connectivity", "connectivity",
                "bug", Priority.HIGH, "en");
        List<RoutingEvent> events = List.of(
                new MessageAssigned(message, peter, classification, decision, "alice", "emea"),
                new MessageQueued(message, peter, classification, decision, "connectivity"),
                new DuplicateLinked(message, peter, classification, decision, UUID.randomUUID(),
                        "email:support@example.com:<a@b>", 0.93));
        for (RoutingEvent event : events) {
            RoutingEvent read = Json.read(Json.write(event), RoutingEvent.class);
            assertThat(read).isEqualTo(event);
        }
        assertThat(new String(Json.write(events.get(0)), StandardCharsets.UTF_8))
                .contains("\"type\":\"assigned\"", "\"priority\":\"high\"");
    }

    @Test
    void ticketEventsAndRepliesRoundTrip() {
        UUID ticket = UUID.randomUUID();
        Instant now = Instant.parse("2026-11-25T10:00:00Z");
        List<TicketEvent> events = List.of(
                new TicketEvent.Created(UUID.randomUUID(), ticket, now, 1042, "whatsapp", "k", "high", "alice"),
                new TicketEvent.Assigned(UUID.randomUUID(), ticket, now, "whatsapp", "bob", "alice", true),
                new TicketEvent.AgentReplied(UUID.randomUUID(), ticket, now, "whatsapp", "k", "bob"),
                new TicketEvent.Solved(UUID.randomUUID(), ticket, now, "whatsapp", "k", "bob"),
                new TicketEvent.Closed(UUID.randomUUID(), ticket, now, "whatsapp", "k", "bob"),
                new TicketEvent.SlaBreached(UUID.randomUUID(), ticket, now, "first-response", now.minusSeconds(60)),
                new TicketEvent.SlaWarning(UUID.randomUUID(), ticket, now, "next-response", now.plusSeconds(900)),
                new TicketEvent.CsatReceived(UUID.randomUUID(), ticket, now, "web", "k", 5));
        for (TicketEvent event : events) {
            assertThat(Json.read(Json.write(event), TicketEvent.class)).isEqualTo(event);
        }
        OutboundMessage reply = new OutboundMessage(UUID.randomUUID(), ticket, Channel.WHATSAPP, "106540352242922",
                "k", "+16505551234", null, "Please restart the router.", null, List.of(), "wamid.X", "bob", now);
        assertThat(Json.read(Json.write(reply), OutboundMessage.class)).isEqualTo(reply);
        DeliveryStatus status = new DeliveryStatus(UUID.randomUUID(), Channel.WHATSAPP, "106540352242922",
                "wamid.OUT", "16505551234", DeliveryStatus.State.READ, now, null, null);
        assertThat(Json.read(Json.write(status), DeliveryStatus.class)).isEqualTo(status);
    }
}
