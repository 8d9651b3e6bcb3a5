package dev.switchboard.ticket.csat;

import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a customer's message is an answer to the survey: the whole message is one digit 1 to 5,
 * optionally with spaces, a full stop or an exclamation mark around it ("5", " 4. ", "5!").
 * Anything longer ("5 stars but the router still drops") is a message like any other: it would
 * be wrong to swallow a new problem as a rating.
 */
public final class CsatReply {
    private static final Pattern RATING = Pattern.compile("\\s*([1-5])\\s*[.!]?\\s*");

    private CsatReply() {
    }

    public static OptionalInt rating(String text) {
        if (text == null) {
            return OptionalInt.empty();
        }
        Matcher m = RATING.matcher(text);
        return m.matches() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
    }
}
