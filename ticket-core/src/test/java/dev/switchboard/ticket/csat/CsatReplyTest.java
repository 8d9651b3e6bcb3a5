package dev.switchboard.ticket.csat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsatReplyTest {

    @Test
    void aSingleDigitFromOneToFiveIsARating() {
        assertThat(CsatReply.rating("5")).hasValue(5);
        assertThat(CsatReply.rating(" 4. ")).hasValue(4);
        assertThat(CsatReply.rating("1!")).hasValue(1);
        assertThat(CsatReply.rating("3\n")).hasValue(3);
    }

    @Test
    void anythingElseIsAMessage() {
        assertThat(CsatReply.rating("0")).isEmpty();
        assertThat(CsatReply.rating("6")).isEmpty();
        assertThat(CsatReply.rating("45")).isEmpty();
        assertThat(CsatReply.rating("5 stars but the router drops again")).isEmpty();
        assertThat(CsatReply.rating("")).isEmpty();
        assertThat(CsatReply.rating(null)).isEmpty();
    }
}
