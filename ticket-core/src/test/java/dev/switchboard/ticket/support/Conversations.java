package dev.switchboard.ticket.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;

import dev.switchboard.contract.Channel;
import dev.switchboard.contract.Json;
import dev.switchboard.contract.Priority;
import dev.switchboard.contract.Topics;
import dev.switchboard.contract.outbound.OutboundMessage;
import dev.switchboard.contract.routing.ContactContext;
import dev.switchboard.contract.ticket.TicketEvent;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A customer's WhatsApp conversation with one agent, as routing delivers it, and what went back. */
public record Conversations(String key, String agent, ContactContext contact, Priority priority) {
    private static final Pattern SURVEY_LINK = Pattern.compile("/csat/([A-Za-z0-9_-]+)");

    /** A new conversation of a customer without a plan, in English. */
    public static Conversations start(String agentName, Priority priority) {
        return start(agentName, priority, RoutingEvents.customer("Customer", null, "en"));
    }

    public static Conversations start(String agentName, Priority priority, ContactContext contact) {
        return new Conversations(RoutingEvents.conversation(Channel.WHATSAPP), RoutingEvents.agent(agentName), contact, priority);
    }

    /** The customer writes; routing assigns the message to this conversation's agent. */
    public void customerWrites(String text) {
        TestKafka.publish(key, RoutingEvents.assigned(
                RoutingEvents.message(Channel.WHATSAPP, key, "cust", text), contact, priority, agent));
    }

    /** The customer's first message, and the id of the ticket it opened. */
    public String open(String text) {
        customerWrites(text);
        return TicketApi.ticketOf(agent);
    }

    /** Everything that left for the customer on WhatsApp, in order. */
    public List<OutboundMessage> sent() {
        return TicketApi.records(Topics.outbound(Channel.WHATSAPP), key).stream()
                .map(r -> Json.read(r.value(), OutboundMessage.class))
                .toList();
    }

    /** Waits until {@code count} messages went out; the last one. */
    public OutboundMessage awaitSent(int count) {
        List<OutboundMessage> sent = await().atMost(TicketApi.PATIENCE).until(this::sent, list -> list.size() >= count);
        assertThat(sent).hasSize(count);
        return sent.get(count - 1);
    }

    /** Solves the ticket and returns the survey token from the link in the solved notice. */
    public static String solveAndGetSurveyToken(String ticketId) {
        TicketApi.post(ticketId, "status", Map.of("status", "solved")).then().statusCode(200);
        List<String> texts = TicketApi.get(ticketId).then().statusCode(200)
                .extract().jsonPath().getList("messages.findAll { it.automatic }.text", String.class);
        Matcher m = SURVEY_LINK.matcher(texts.get(texts.size() - 1));
        assertThat(m.find()).as("survey link in %s", texts).isTrue();
        return m.group(1);
    }

    public static List<TicketEvent> events(String ticketId) {
        return TicketApi.records(Topics.TICKET_EVENTS, ticketId).stream()
                .map(r -> Json.read(r.value(), TicketEvent.class))
                .toList();
    }

    public static <T extends TicketEvent> List<T> events(String ticketId, Class<T> type) {
        return events(ticketId).stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** The ticket holds {@code count} messages. */
    public static void awaitMessages(String ticketId, int count) {
        await().atMost(TicketApi.PATIENCE).untilAsserted(() -> TicketApi.get(ticketId).then().body("messages", hasSize(count)));
    }
}
