package dev.switchboard.routing.contact.identity;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Normalises identities so that the same person written twice is one value.
 * <ul>
 *   <li>email: trimmed and lower-cased. Plus-addressing is kept ({@code ann+billing@acme.com} is
 *       another identity than {@code ann@acme.com}): whether a tag is a person is the mail
 *       provider's rule, not ours.</li>
 *   <li>phone: E.164 via libphonenumber. A number without {@code +} is read in the default region,
 *       except bare digits of international length (a WhatsApp id), which already carry the country
 *       code. Accepted when its length is possible for the country.</li>
 *   <li>channel user ids (Messenger, Instagram, X, Telegram, chat visitor): trimmed, case kept.</li>
 * </ul>
 */
public final class Identities {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern DIGITS = Pattern.compile("\\d{10,15}");
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    /** Numbers kept at most; past it the memory starts again (customers who write again are the recent ones). */
    static final int REMEMBERED_NUMBERS = 50_000;
    /** Longer texts are parsed every time: a number, however written, is shorter; junk must not fill the memory. */
    static final int REMEMBERED_LENGTH = 32;

    private final String defaultRegion;
    /**
     * Each number as written, normalised once: parsing took a tenth of routing's CPU (every message
     * shows its sender's number, often twice), and the same customers write again and again. Only
     * numbers that parse are kept: a refusal is rare and its text is anybody's input.
     */
    private final Map<String, Identity> phones = new ConcurrentHashMap<>();

    /** @param defaultRegion ISO 3166 country of numbers written without a country code, e.g. "BE" */
    public Identities(String defaultRegion) {
        this.defaultRegion = defaultRegion.toUpperCase(Locale.ROOT);
    }

    public Identity of(IdentityKind kind, String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidIdentityException(kind.id() + " is empty");
        }
        return switch (kind) {
            case EMAIL -> email(raw);
            case PHONE -> phone(raw);
            default -> new Identity(kind, raw.trim());
        };
    }

    /** Reads {@code kind:value}, as in {@code GET /api/contacts?identity=phone:+32470123456}. */
    public Identity parse(String written) {
        int colon = written == null ? -1 : written.indexOf(':');
        if (colon <= 0) {
            throw new InvalidIdentityException("an identity is written kind:value, e.g. phone:+32470123456, not " + written);
        }
        return of(IdentityKind.fromId(written.substring(0, colon)), written.substring(colon + 1));
    }

    public Identity email(String raw) {
        String email = raw.trim().toLowerCase(Locale.ROOT);
        if (!EMAIL.matcher(email).matches()) {
            throw new InvalidIdentityException("not an email address: " + raw);
        }
        return new Identity(IdentityKind.EMAIL, email);
    }

    public Identity phone(String raw) {
        String trimmed = raw.trim();
        Identity known = phones.get(trimmed);
        if (known != null) {
            return known;
        }
        Object parsed = normalisePhone(trimmed);
        if (!(parsed instanceof Identity identity)) {
            throw new InvalidIdentityException((String) parsed);
        }
        if (trimmed.length() <= REMEMBERED_LENGTH) {
            if (phones.size() >= REMEMBERED_NUMBERS) {
                phones.clear();
            }
            phones.put(trimmed, identity);
        }
        return identity;
    }

    /** @return the E.164 identity, or why the text is not a phone number */
    private Object normalisePhone(String trimmed) {
        // A WhatsApp id is the international number without '+'.
        String written = DIGITS.matcher(trimmed).matches() && !trimmed.startsWith("0") ? "+" + trimmed : trimmed;
        try {
            PhoneNumber number = PHONES.parse(written, defaultRegion);
            if (!PHONES.isPossibleNumber(number)) {
                return "not a possible phone number: " + trimmed;
            }
            return new Identity(IdentityKind.PHONE, PHONES.format(number, PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            return "not a phone number: " + trimmed + " (" + e.getMessage() + ")";
        }
    }
}
