package dev.switchboard.ticket.intake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contract.Channel;
import dev.switchboard.contract.intake.Sender;
import dev.switchboard.contract.routing.ContactContext;
import dev.switchboard.ticket.support.RoutingEvents;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Plain unit tests: no Quarkus needed for how a ticket is titled. */
class MessageTextTest {

    @Test
    void aChatMessageIsTitledByTheStartOfItsTextCutAtAWord() {
        String text = "Hello, my  router\nkeeps dropping the connection every evening around eight and the lights blink red";
        var message = RoutingEvents.message(Channel.CHAT, "chat:1", "kim", text);

        String subject = MessageText.subjectOf(message);

        assertThat(subject).hasSizeLessThanOrEqualTo(MessageText.SUBJECT_LENGTH)
                .startsWith("Hello, my router keeps dropping")
                .endsWith("…")
                .doesNotContain("\n");
    }

    @Test
    void aMessageWithoutTextStillGetsASubject() {
        var message = RoutingEvents.message(Channel.WHATSAPP, "wa:1", "kim", null);

        assertThat(MessageText.subjectOf(message)).isEqualTo("(whatsapp message without text)");
    }

    @Test
    void routingsContactNameWinsOverTheChannelDisplayName() {
        var message = RoutingEvents.message(Channel.WHATSAPP, "wa:1", "peter_wa", "hi");

        assertThat(MessageText.contactNameOf(message, ContactContext.anonymous(UUID.randomUUID(), "Peter Janssens")))
                .isEqualTo("Peter Janssens");
        assertThat(MessageText.contactNameOf(message, null)).isEqualTo("peter_wa");
    }

    @Test
    void theEmailIsPreferredAsTheContactIdentity() {
        assertThat(MessageText.identityOf(new Sender("P", "p@example.com", "+3247", null, null))).isEqualTo("p@example.com");
        assertThat(MessageText.identityOf(new Sender("P", null, null, "123", "@p"))).isEqualTo("@p");
    }
}
