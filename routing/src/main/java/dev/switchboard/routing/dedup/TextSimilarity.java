package dev.switchboard.routing.dedup;

import java.util.HashMap;
import java.util.Map;

/**
 * Cosine similarity of character trigram profiles (the n-gram "shingles" of information
 * retrieval), over text already passed through {@link TextNormaliser}. Trigrams forgive typos
 * and inflections ("droping", "drops") that whole-word measures punish; each word is padded
 * with spaces so that word starts and ends count. 1.0 = same profile, 0.0 = nothing shared.
 */
public final class TextSimilarity {
    static final int N = 3;

    private TextSimilarity() {
    }

    public static double cosine(String normalisedA, String normalisedB) {
        Map<String, Integer> a = trigrams(normalisedA);
        Map<String, Integer> b = trigrams(normalisedB);
        if (a.isEmpty() || b.isEmpty()) {
            return 0.0;
        }
        double dot = 0;
        for (var e : a.entrySet()) {
            dot += (double) e.getValue() * b.getOrDefault(e.getKey(), 0);
        }
        return dot / (norm(a) * norm(b));
    }

    static Map<String, Integer> trigrams(String normalised) {
        Map<String, Integer> counts = new HashMap<>();
        for (String word : normalised.split(" ")) {
            if (word.isEmpty()) {
                continue;
            }
            String padded = " " + word + " ";
            for (int i = 0; i + N <= padded.length(); i++) {
                counts.merge(padded.substring(i, i + N), 1, Integer::sum);
            }
        }
        return counts;
    }

    private static double norm(Map<String, Integer> v) {
        double sum = 0;
        for (int count : v.values()) {
            sum += (double) count * count;
        }
        return Math.sqrt(sum);
    }
}
