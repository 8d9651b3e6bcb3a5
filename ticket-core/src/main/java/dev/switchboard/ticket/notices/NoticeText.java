package dev.switchboard.ticket.notices;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain text of a notice: a template with {@code {placeholder}}s, and due times as the customer
 * reads them (their language, with the zone's name, so "18:00" is never ambiguous).
 */
public final class NoticeText {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z]+)}");

    private NoticeText() {
    }

    /** Replaces each {@code {key}} with its value; an unknown key stays as written, so a typo shows. */
    public static String fill(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * E.g. "Monday, March 30, 2026, 10:00 AM Central European Summer Time", or in French
     * "lundi 30 mars 2026 10:00 heure d’été d’Europe centrale". The zone's name follows
     * daylight saving time of that date, not of today.
     */
    public static String dueTime(Instant at, String languageTag, String fallbackLanguage, ZoneId zone) {
        Locale locale = locale(languageTag, fallbackLanguage);
        DateTimeFormatter dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.FULL, FormatStyle.SHORT)
                .withLocale(locale).withZone(zone);
        DateTimeFormatter zoneName = DateTimeFormatter.ofPattern("zzzz", locale).withZone(zone);
        return dateTime.format(at) + " " + zoneName.format(at);
    }

    static Locale locale(String languageTag, String fallbackLanguage) {
        Locale locale = languageTag == null || languageTag.isBlank() ? null : Locale.forLanguageTag(languageTag.strip());
        return locale == null || locale.getLanguage().isEmpty() ? Locale.forLanguageTag(fallbackLanguage) : locale;
    }
}
