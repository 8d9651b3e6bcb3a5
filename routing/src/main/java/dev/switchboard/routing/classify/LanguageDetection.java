package dev.switchboard.routing.classify;

import java.util.Optional;

/** Tells the language of a text, or nothing when the text is too short or too mixed to tell. */
@FunctionalInterface
public interface LanguageDetection {

    /** @return a BCP 47 primary tag such as "en" or "de" */
    Optional<String> detect(String text);

    /** For tests and callers that only trust what the channel says. */
    static LanguageDetection none() {
        return text -> Optional.empty();
    }
}
