package dev.switchboard.routing.dedup;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reduces a message to what the customer wrote about the problem, so that the same report on
 * two channels compares equal: quoted lines and everything after a reply header or a signature
 * separator go, then a leading greeting and a trailing sign-off ("Regards, Peter"), then case,
 * punctuation and spacing.
 */
public final class TextNormaliser {
    /** "On Mon, 3 Nov 2026, Anna wrote:", "Am 03.11.2026 schrieb Anna:", "-----Original Message-----". */
    private static final Pattern REPLY_HEADER = Pattern.compile(
            "(?im)^\\s*(on\\s.{0,200}\\swrote:|am\\s.{0,200}\\sschrieb.{0,100}:|-{2,}\\s*original message\\s*-{2,}|from:\\s.+)\\s*$");
    private static final Pattern SIGNATURE_SEPARATOR = Pattern.compile("(?m)^-- ?$");
    private static final Pattern QUOTED_LINE = Pattern.compile("(?m)^\\s*>.*$");
    private static final String GREETING_WORDS = "hi|hello|hey|dear|hallo|hola|bonjour|hoi|moin|servus|"
            + "good (?:morning|afternoon|evening)|guten (?:morgen|tag|abend)|goedemorgen|goedemiddag";
    /** A greeting, with a short addressee only when punctuation closes it ("Dear support team,"). */
    private static final Pattern GREETING = Pattern.compile(
            "(?iu)^\\s*(?:(?:" + GREETING_WORDS + ")\\b[^,!.\\n]{0,30}[,!.\\n]|(?:" + GREETING_WORDS + ")\\b)");
    private static final String CLOSING_WORDS = "best regards|kind regards|warm regards|regards|cheers|best|"
            + "thanks in advance|thanks a lot|many thanks|thank you|thanks|thx|"
            + "mit freundlichen gr(?:ü|ue)(?:ß|ss)en|viele gr(?:ü|ue)(?:ß|ss)e|liebe gr(?:ü|ue)(?:ß|ss)e|gru(?:ß|ss)|mfg|"
            + "groetjes|met vriendelijke groet|cordialement|merci|saludos|sent from my \\w+";
    /** A sign-off at the end, with a name only when a comma, dash or line break sets it apart. */
    private static final Pattern CLOSING = Pattern.compile(
            "(?iu)(?:^|[.!?\\n])\\s*(?:" + CLOSING_WORDS + ")[!.]?(?:\\s*[,\\n-]\\s*[\\p{L}.' -]{1,40})?\\s*[.!]?\\s*$");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private TextNormaliser() {
    }

    /** @return lower-case words separated by single spaces; empty when nothing is left */
    public static String normalise(String text) {
        if (text == null) {
            return "";
        }
        String body = cutAt(text, REPLY_HEADER);
        body = cutAt(body, SIGNATURE_SEPARATOR);
        body = QUOTED_LINE.matcher(body).replaceAll("");
        body = GREETING.matcher(body).replaceFirst("");
        // Two passes: "Thanks!\nBest regards, Peter" ends in two sign-offs.
        body = CLOSING.matcher(body).replaceFirst("");
        body = CLOSING.matcher(body).replaceFirst("");
        return NOT_WORD.matcher(body.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
    }

    private static String cutAt(String text, Pattern marker) {
        var m = marker.matcher(text);
        return m.find() ? text.substring(0, m.start()) : text;
    }
}
