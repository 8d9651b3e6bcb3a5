package dev.switchboard.routing.contact.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.contract.Channel;
import dev.switchboard.contract.MessageIds;
import dev.switchboard.contract.intake.InboundMessage;
import dev.switchboard.contract.intake.Sender;
import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class IdentitiesTest {
    private final Identities identities = new Identities("BE");
    private final SenderIdentities senders = new SenderIdentities(identities);

    @Test
    void anEmailIsTrimmedAndLowerCasedButKeepsItsPlusTag() {
        assertThat(identities.email("  Ann.Peeters@ACME.com ").value()).isEqualTo("ann.peeters@acme.com");
        assertThat(identities.email("ann+billing@acme.com").value()).isEqualTo("ann+billing@acme.com");
    }

    @Test
    void aPhoneWrittenAnyWayIsOneE164Number() {
        assertThat(identities.phone("+32 470 12 34 56").value()).isEqualTo("+32470123456");
        assertThat(identities.phone("0470/12.34.56").value()).isEqualTo("+32470123456");
        assertThat(identities.phone("32470123456").value()).as("a WhatsApp id").isEqualTo("+32470123456");
        assertThat(identities.phone("+1 (415) 555-2671").value()).isEqualTo("+14155552671");
    }

    @Test
    void somethingThatIsNoEmailOrPhoneIsRejectedWithTheReason() {
        assertThatThrownBy(() -> identities.email("ann.acme.com")).hasMessageContaining("not an email address");
        assertThatThrownBy(() -> identities.phone("call me")).hasMessageContaining("not a phone number");
        assertThatThrownBy(() -> identities.phone("+32 12")).hasMessageContaining("not a possible phone number");
        assertThatThrownBy(() -> identities.parse("fax:123")).hasMessageContaining("unknown identity kind");
        assertThatThrownBy(() -> identities.parse("ann@acme.com")).hasMessageContaining("kind:value");
    }

    @Test
    void aNumberSeenBeforeGivesTheSameAnswerAgainEvenPastWhatIsRemembered() {
        for (int i = 0; i <= Identities.REMEMBERED_NUMBERS; i++) {
            identities.phone("+3247" + String.format("%07d", i));
        }
        assertThat(identities.phone(" 0470/12.34.56 ").value()).isEqualTo("+32470123456");
        assertThat(identities.phone("0470/12.34.56").value()).isEqualTo("+32470123456");
        assertThatThrownBy(() -> identities.phone("call me")).hasMessageContaining("not a phone number");
        assertThatThrownBy(() -> identities.phone("call me")).as("a refusal is not remembered as a number")
                .hasMessageContaining("not a phone number: call me");
    }

    @Test
    void anIdentityIsWrittenKindColonValue() {
        Identity phone = identities.parse("phone:+32470123456");
        assertThat(phone).isEqualTo(new Identity(IdentityKind.PHONE, "+32470123456"));
        assertThat(identities.parse(phone.toString())).isEqualTo(phone);
        assertThat(identities.parse("chat_visitor:v-42").kind()).isEqualTo(IdentityKind.CHAT_VISITOR);
    }

    @Test
    void aWhatsAppSenderShowsOnePhoneNumber() {
        InboundMessage whatsapp = message(Channel.WHATSAPP, new Sender("Ann", null, "+32470123456", "32470123456", null), "hi");
        assertThat(senders.of(whatsapp)).containsExactly(new Identity(IdentityKind.PHONE, "+32470123456"));
    }

    @Test
    void aChatVisitorWhoFilledThePreChatFormShowsTwoIdentities() {
        InboundMessage chat = message(Channel.CHAT, new Sender("Ann", "Ann@Acme.com", null, "v-42", null), "hi");
        assertThat(senders.of(chat)).containsExactly(
                new Identity(IdentityKind.EMAIL, "ann@acme.com"), new Identity(IdentityKind.CHAT_VISITOR, "v-42"));
    }

    @Test
    void aPhoneNumberInAMailBodyIsNoIdentityOfTheSender() {
        InboundMessage mail = message(Channel.EMAIL, new Sender("Bob", "bob@example.org", null, null, null),
                "Regards, Bob\nMobile: +32 470 12 34 56");
        assertThat(senders.of(mail)).containsExactly(new Identity(IdentityKind.EMAIL, "bob@example.org"));
    }

    @Test
    void aTelegramUserIsKnownByHisIdNotByHisHandle() {
        InboundMessage telegram = message(Channel.TELEGRAM, new Sender("Ann", null, null, "123456789", "@ann"), "hi");
        assertThat(senders.of(telegram)).containsExactly(new Identity(IdentityKind.TELEGRAM, "123456789"));
    }

    @Property
    void normalisingAnEmailTwiceChangesNothing(@ForAll("emails") String email) {
        Identity once = identities.email(email);
        assertThat(identities.email(once.value())).isEqualTo(once);
    }

    @Property
    void aBelgianMobileIsTheSameNumberHoweverItIsWritten(@ForAll @IntRange(min = 0, max = 999_999) int subscriber,
                                                         @ForAll("layouts") String layout) {
        String digits = String.format("%06d", subscriber);
        String national = "0470" + digits;
        String written = layout.replace("N", national.substring(1)).replace("L", national);
        assertThat(identities.phone(written).value()).isEqualTo("+32470" + digits);
    }

    @Provide
    Arbitrary<String> emails() {
        Arbitrary<String> local = Arbitraries.strings().withChars("abcXYZ019._+-").ofMinLength(1).ofMaxLength(12);
        Arbitrary<String> domain = Arbitraries.strings().withChars("abcdEFG-").ofMinLength(1).ofMaxLength(8);
        return net.jqwik.api.Combinators.combine(local, domain, Arbitraries.of("com", "BE", "org"))
                .as((l, d, tld) -> " " + l + "@" + d + "." + tld + " ");
    }

    @Provide
    Arbitrary<String> layouts() {
        return Arbitraries.of("+32N", "+32 N", "0032N", "L", " L ", "32N");
    }

    private static InboundMessage message(Channel channel, Sender sender, String text) {
        String id = "m-" + System.nanoTime();
        return new InboundMessage(MessageIds.inbound(channel, id), channel, "inbox", id, channel.id() + ":" + id,
                Instant.now(), Instant.now(), sender, null, text, null, null, null, false, null, null);
    }
}
