package dev.switchboard.ticket.replies;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contract.Channel;
import dev.switchboard.contract.intake.Sender;
import org.junit.jupiter.api.Test;

class CustomerAddressTest {

    @Test
    void eachChannelAnswersOnTheAddressItKnowsTheCustomerBy() {
        Sender sender = new Sender("Peter", "peter@example.com", "+32470000000", "psid-1", "@peter");
        assertThat(CustomerAddress.on(Channel.EMAIL, sender)).isEqualTo("peter@example.com");
        assertThat(CustomerAddress.on(Channel.WHATSAPP, sender)).isEqualTo("+32470000000");
        assertThat(CustomerAddress.on(Channel.MESSENGER, sender)).isEqualTo("psid-1");
    }

    @Test
    void aReplyOnAnotherChannelNeedsAKnownAddressThere() {
        assertThat(CustomerAddress.forReply(Channel.EMAIL, Channel.WHATSAPP, "+32470000000", "p@example.com", "+32470000000"))
                .contains("p@example.com");
        assertThat(CustomerAddress.forReply(Channel.EMAIL, Channel.WHATSAPP, "+32470000000", null, "+32470000000"))
                .isEmpty();
        assertThat(CustomerAddress.forReply(Channel.TELEGRAM, Channel.WHATSAPP, "+32470000000", null, null)).isEmpty();
        assertThat(CustomerAddress.forReply(Channel.WHATSAPP, Channel.WHATSAPP, "+32470000000", null, null))
                .contains("+32470000000");
    }
}
