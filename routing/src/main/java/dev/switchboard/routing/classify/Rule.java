package dev.switchboard.routing.classify;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.UUID;

/**
 * A classification rule as an admin writes it (REST, database): plain strings, checked by
 * {@link RuleValidator} and compiled by {@link RuleEngine}.
 *
 * @param id      null until stored
 * @param name    what the admin calls it; shown in the reasons
 * @param enabled a disabled rule is kept but never applied
 * @param order   lower runs first; see {@link RuleEngine} for what order decides
 * @param when    every condition given must hold
 * @param then    what a matching rule sets or boosts
 */
public record Rule(UUID id, String name, Boolean enabled, Integer order, Conditions when, Actions then) {
    public static final int DEFAULT_ORDER = 100;

    public Rule {
        enabled = enabled == null ? Boolean.TRUE : enabled;
        order = order == null ? DEFAULT_ORDER : order;
        when = when == null ? Conditions.NONE : when;
        then = then == null ? Actions.NONE : then;
    }

    public Rule withId(UUID newId) {
        return new Rule(newId, name, enabled, order, when, then);
    }

    public Rule withEnabled(boolean on) {
        return new Rule(id, name, on, order, when, then);
    }

    /**
     * Conditions; a null or empty one is not checked. Lists match when any element matches.
     *
     * @param inbox        the inbox (our address, number or page) equals this, ignoring case
     * @param inboxPattern a regular expression the whole inbox matches, ignoring case
     * @param channels     channel ids: email, chat, whatsapp, ...
     * @param keywords     words or phrases found in subject or text, ignoring case, as whole words
     * @param plans        the contact's plan or tier (ContactContext.plan), ignoring case
     * @param languages    BCP 47 primary tags ("de" also matches "de-AT"), given or detected
     */
    public record Conditions(String inbox, String inboxPattern, List<String> channels, List<String> keywords,
                             List<String> plans, List<String> languages) {
        public static final Conditions NONE = new Conditions(null, null, null, null, null, null);

        public Conditions {
            channels = channels == null ? List.of() : List.copyOf(channels);
            keywords = keywords == null ? List.of() : List.copyOf(keywords);
            plans = plans == null ? List.of() : List.copyOf(plans);
            languages = languages == null ? List.of() : List.copyOf(languages);
        }

        @JsonIgnore
        public boolean isEmpty() {
            return blank(inbox) && blank(inboxPattern) && channels.isEmpty() && keywords.isEmpty()
                    && plans.isEmpty() && languages.isEmpty();
        }
    }

    /**
     * Actions; a null one does nothing.
     *
     * @param product  product or brand
     * @param category free text: hardware, software, connectivity, account, billing, ...
     * @param skill    the skill an agent needs
     * @param type     bug, feature or question
     * @param priority critical, high, medium or low
     * @param boost    raise the priority by this many levels (1 to 3)
     */
    public record Actions(String product, String category, String skill, String type, String priority, Integer boost) {
        public static final Actions NONE = new Actions(null, null, null, null, null, null);

        @JsonIgnore
        public boolean isEmpty() {
            return blank(product) && blank(category) && blank(skill) && blank(type) && blank(priority) && boost == null;
        }
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
