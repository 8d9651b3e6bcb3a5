package dev.switchboard.routing.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextNormaliserTest {

    @Test
    void greetingSignOffAndQuotedReplyAreNotPartOfTheProblem() {
        String mail = """
                Dear support team,
                my invoice shows the wrong VAT number!

                Best regards,
                Jan
                > On Mon, 3 Nov 2026 support wrote:
                > how can we help?
                """;
        assertThat(TextNormaliser.normalise(mail)).isEqualTo("my invoice shows the wrong vat number");
    }

    @Test
    void thanksInsideASentenceIsKept() {
        assertThat(TextNormaliser.normalise("Thanks for the fix but now it crashes again"))
                .isEqualTo("thanks for the fix but now it crashes again");
    }

    @Test
    void nothingLeftIsEmpty() {
        assertThat(TextNormaliser.normalise("Thanks!")).isEmpty();
        assertThat(TextNormaliser.normalise(null)).isEmpty();
    }

    @Test
    void identicalTextsAreFullySimilarAndDisjointOnesNotAtAll() {
        assertThat(TextSimilarity.cosine("router down", "router down")).isEqualTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(TextSimilarity.cosine("router down", "invoice")).isZero();
        assertThat(TextSimilarity.cosine("", "invoice")).isZero();
    }
}
