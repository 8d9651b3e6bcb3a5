package dev.switchboard.routing.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MessageIdKeyTest {

    @Test
    void theSameMessageIdWrittenTwoWaysGivesOneKey() {
        assertThat(MessageIdKey.of("<CAB12x=Yz@Mail.Gmail.COM>")).contains("<CAB12x=Yz@mail.gmail.com>");
        assertThat(MessageIdKey.of("  CAB12x=Yz@mail.gmail.com \r\n")).contains("<CAB12x=Yz@mail.gmail.com>");
        assertThat(MessageIdKey.of("<CAB12x=Yz@\r\n mail.gmail.com>")).contains("<CAB12x=Yz@mail.gmail.com>");
    }

    @Test
    void theLocalPartIsCaseSensitive() {
        assertThat(MessageIdKey.of("<abc@example.com>")).isNotEqualTo(MessageIdKey.of("<ABC@example.com>"));
    }

    @Test
    void aProviderIdThatIsNoMessageIdHasNoKey() {
        assertThat(MessageIdKey.of("sg-1234567")).isEmpty();
        assertThat(MessageIdKey.of("<@example.com>")).isEmpty();
        assertThat(MessageIdKey.of(null)).isEmpty();
    }
}
