package dev.switchboard.routing.classify;

import dev.switchboard.contract.Channel;
import dev.switchboard.contract.Priority;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A validated rule with its patterns compiled once, for every message after. */
record CompiledRule(Rule rule, Pattern inboxPattern, Set<Channel> channels, List<Keyword> keywords,
                    Set<String> plans, Set<String> languages, Priority priority) {

    /**
     * A keyword or phrase as a whole-word, case-insensitive pattern ("how do I" spans any spacing).
     * {@code firstWord} (lower case) lets most messages skip the pattern: 50 rules' look-behind
     * searches were most of routing's CPU, and a text without the word cannot match.
     */
    record Keyword(String word, Pattern pattern, String firstWord) {

        static Keyword of(String word) {
            String phrase = String.join("\\s+", java.util.Arrays.stream(word.trim().split("\\s+"))
                    .map(Pattern::quote)
                    .toList());
            // Letters and digits around the phrase make it part of another word ("downtown" is not "down").
            String first = word.trim().split("\\s+")[0];
            return new Keyword(word.trim(), Pattern.compile("(?<![\\p{L}\\p{N}])" + phrase + "(?![\\p{L}\\p{N}])",
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE), isAscii(first) ? first.toLowerCase(Locale.ROOT) : null);
        }

        /**
         * False only when the pattern cannot match. Skipping is safe only where lower-casing is plain:
         * an ASCII word in an ASCII text; anything else is left to the pattern's Unicode case rules.
         */
        boolean mayOccurIn(Facts facts) {
            return firstWord == null || facts.lowerAscii() == null || facts.lowerAscii().contains(firstWord);
        }
    }

    /**
     * Facts about one message the conditions look at, worked out once per message.
     *
     * @param lowerAscii the searchable text in lower case when it is all ASCII, else null
     */
    record Facts(String inbox, Channel channel, String searchable, String lowerAscii, String plan, String language) {

        Facts(String inbox, Channel channel, String searchable, String plan, String language) {
            this(inbox, channel, searchable, isAscii(searchable) ? searchable.toLowerCase(Locale.ROOT) : null, plan,
                    language);
        }
    }

    static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 0x7F) {
                return false;
            }
        }
        return true;
    }

    static CompiledRule of(Rule rule) {
        RuleValidator.requireValid(rule);
        Rule.Conditions when = rule.when();
        return new CompiledRule(rule,
                Rule.blank(when.inboxPattern()) ? null
                        : Pattern.compile(when.inboxPattern(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE),
                when.channels().stream().map(Channel::fromId).collect(Collectors.toUnmodifiableSet()),
                when.keywords().stream().map(Keyword::of).toList(),
                when.plans().stream().map(CompiledRule::lower).collect(Collectors.toUnmodifiableSet()),
                when.languages().stream().map(CompiledRule::primaryTag).collect(Collectors.toUnmodifiableSet()),
                Rule.blank(rule.then().priority()) ? null : Priority.fromId(rule.then().priority().trim()));
    }

    /**
     * @return why the rule matches (one phrase per condition), or empty when it does not. Every rule is
     * tried on every message and most do not match: the conditions are checked first, cheapest first and
     * without allocating, and the reason is written only for a match.
     */
    Optional<String> match(Facts facts) {
        Rule.Conditions when = rule.when();
        if (!channels.isEmpty() && !channels.contains(facts.channel())) {
            return Optional.empty();
        }
        if (!Rule.blank(when.inbox()) && (facts.inbox() == null || !facts.inbox().equalsIgnoreCase(when.inbox().trim()))) {
            return Optional.empty();
        }
        if (!plans.isEmpty() && (facts.plan() == null || !plans.contains(lower(facts.plan())))) {
            return Optional.empty();
        }
        if (!languages.isEmpty() && (facts.language() == null || !languages.contains(primaryTag(facts.language())))) {
            return Optional.empty();
        }
        if (inboxPattern != null && (facts.inbox() == null || !inboxPattern.matcher(facts.inbox()).matches())) {
            return Optional.empty();
        }
        Keyword found = null;
        for (Keyword keyword : keywords) {
            if (keyword.mayOccurIn(facts) && keyword.pattern().matcher(facts.searchable()).find()) {
                found = keyword;
                break;
            }
        }
        if (!keywords.isEmpty() && found == null) {
            return Optional.empty();
        }
        List<String> why = new ArrayList<>();
        if (!Rule.blank(when.inbox())) {
            why.add("inbox " + facts.inbox());
        }
        if (inboxPattern != null) {
            why.add("inbox " + facts.inbox() + " ~ " + when.inboxPattern());
        }
        if (!channels.isEmpty()) {
            why.add("channel " + facts.channel().id());
        }
        if (found != null) {
            why.add("keyword '" + found.word() + "'");
        }
        if (!plans.isEmpty()) {
            why.add("plan " + facts.plan());
        }
        if (!languages.isEmpty()) {
            why.add("language " + facts.language());
        }
        return Optional.of(String.join(", ", why));
    }

    static String primaryTag(String tag) {
        return lower(tag.split("[-_]")[0]);
    }

    private static String lower(String s) {
        return s.trim().toLowerCase(Locale.ROOT);
    }
}
