package dev.switchboard.routing.classify;

import com.optimaize.langdetect.DetectedLanguage;
import com.optimaize.langdetect.LanguageDetector;
import com.optimaize.langdetect.LanguageDetectorBuilder;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import com.optimaize.langdetect.text.CommonTextObjectFactories;
import com.optimaize.langdetect.text.TextObjectFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * optimaize language-detector: character n-gram profiles of ~70 languages, offline. Below
 * {@link #MIN_LETTERS} letters or {@link #MIN_PROBABILITY} the answer is "unknown": a guess on
 * "ok thx" would route a customer to the wrong language team.
 *
 * <p>The library draws n-grams at random for texts over 50 characters; its generator starts from a
 * fixed seed here, so the same message always gets the same language, as an explainable decision must.
 * Only the first {@link #MAX_CHARS} characters are read: a long mail's opening says its language as well
 * as its whole, and a quoted thread below it costs nothing.
 */
public final class NgramLanguageDetection implements LanguageDetection {
    static final int MIN_LETTERS = 12;
    static final double MIN_PROBABILITY = 0.85;
    static final int MAX_CHARS = 1_000;
    private static final long SEED = 41;

    private final LanguageDetector detector;
    private final TextObjectFactory texts = CommonTextObjectFactories.forDetectingShortCleanText();

    private NgramLanguageDetection(LanguageDetector detector) {
        this.detector = detector;
    }

    /** Loading the profiles takes a moment and some memory: one instance per JVM. */
    public static NgramLanguageDetection shared() {
        return Holder.INSTANCE;
    }

    @Override
    public Optional<String> detect(String text) {
        if (text == null) {
            return Optional.empty();
        }
        // Cut on a code point, never inside a surrogate pair; the letters are counted on what is read.
        String opening = text.length() > MAX_CHARS ? text.substring(0, text.offsetByCodePoints(0,
                text.codePointCount(0, MAX_CHARS))) : text;
        if (opening.codePoints().filter(Character::isLetter).count() < MIN_LETTERS) {
            return Optional.empty();
        }
        List<DetectedLanguage> candidates = detector.getProbabilities(texts.forText(opening));
        return candidates.stream()
                .filter(l -> l.getProbability() >= MIN_PROBABILITY)
                .findFirst()
                .map(l -> l.getLocale().getLanguage());
    }

    private static final class Holder {
        static final NgramLanguageDetection INSTANCE = load();

        private static NgramLanguageDetection load() {
            try {
                return new NgramLanguageDetection(LanguageDetectorBuilder.create(NgramExtractors.standard())
                        .withProfiles(new LanguageProfileReader().readAllBuiltIn())
                        .seed(SEED)
                        .build());
            } catch (IOException e) {
                throw new UncheckedIOException("language profiles missing from the classpath", e);
            }
        }
    }
}
