package dev.switchboard.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.NotBlank;
import org.junit.jupiter.api.Test;

class MessageIdsTest {

    @Test
    void nameBasedIdsMatchTheRfc4122Version5Reference() {
        // Reference value from RFC 4122 / Python's uuid.uuid5(NAMESPACE_DNS, "python.org").
        UUID dns = UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
        assertThat(MessageIds.nameBased(dns, "python.org"))
                .isEqualTo(UUID.fromString("886313e1-3b8a-5372-9b90-0c9aee199e5d"));
    }

    @Test
    void aWebhookRetriedTenTimesIsOneMessageId() {
        UUID first = MessageIds.inbound(Channel.WHATSAPP, "wamid.ABC");
        for (int retry = 0; retry < 10; retry++) {
            assertThat(MessageIds.inbound(Channel.WHATSAPP, "wamid.ABC")).isEqualTo(first);
        }
        assertThat(first.version()).isEqualTo(5);
    }

    @Test
    void theSameProviderIdOnTwoChannelsIsTwoMessages() {
        assertThat(MessageIds.inbound(Channel.MESSENGER, "12345"))
                .isNotEqualTo(MessageIds.inbound(Channel.TELEGRAM, "12345"));
    }

    @Test
    void aMessageWithoutProviderIdIsRejected() {
        assertThatThrownBy(() -> MessageIds.inbound(Channel.EMAIL, " "))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Property
    void differentProviderIdsNeverShareAnId(@ForAll @NotBlank String a, @ForAll @NotBlank String b) {
        UUID idA = MessageIds.inbound(Channel.EMAIL, a);
        UUID idB = MessageIds.inbound(Channel.EMAIL, b);
        assertThat(idA.equals(idB)).isEqualTo(a.equals(b));
    }
}
