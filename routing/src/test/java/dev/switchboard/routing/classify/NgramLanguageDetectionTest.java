package dev.switchboard.routing.classify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NgramLanguageDetectionTest {
    private final LanguageDetection detection = NgramLanguageDetection.shared();

    @Test
    void aGermanComplaintIsRecognisedAsGerman() {
        assertThat(detection.detect("Mein Router verliert seit dem Update jeden Abend die Verbindung zum Internet."))
                .contains("de");
    }

    @Test
    void anEnglishQuestionIsRecognisedAsEnglish() {
        assertThat(detection.detect("How do I change the billing address on my next invoice?")).contains("en");
    }

    @Test
    void aShortReplyHasNoLanguage() {
        assertThat(detection.detect("ok thx")).isEmpty();
        assertThat(detection.detect("👍")).isEmpty();
    }
}
