package dev.switchboard.routing.classify;

import dev.switchboard.contract.Priority;
import dev.switchboard.contract.intake.InboundMessage;
import dev.switchboard.contract.routing.Classification;
import dev.switchboard.contract.routing.ContactContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Compiled enabled rules in run order; immutable, so one instance serves every thread. */
public final class RuleSet {
    private final List<CompiledRule> rules;
    private final LanguageDetection languages;

    RuleSet(List<CompiledRule> rules, LanguageDetection languages) {
        this.rules = List.copyOf(rules);
        this.languages = languages;
    }

    public int size() {
        return rules.size();
    }

    public ClassificationResult classify(InboundMessage message, ContactContext contact) {
        return classify(message, contact, null);
    }

    /** @param conversation the language the message's conversation is in already; null when it has none */
    public ClassificationResult classify(InboundMessage message, ContactContext contact,
                                         ConversationLanguages.Spoken conversation) {
        List<String> reasons = new ArrayList<>();
        String searchable = join(message.subject(), message.text());
        String language = languageOf(message, searchable, conversation, reasons);
        CompiledRule.Facts facts = new CompiledRule.Facts(message.inbox(), message.channel(), searchable,
                contact == null ? null : contact.plan(), language);

        Fields fields = new Fields();
        for (CompiledRule rule : rules) {
            Optional<String> why = rule.match(facts);
            if (why.isEmpty()) {
                continue;
            }
            List<String> effects = fields.apply(rule);
            String name = "rule '" + rule.rule().name() + "' (order " + rule.rule().order() + ")";
            reasons.add(name + " on " + why.get() + ": "
                    + (effects.isEmpty() ? "nothing left to set" : String.join(", ", effects)));
        }

        Priority base = fields.priority == null ? Priority.MEDIUM : fields.priority;
        if (fields.priority == null) {
            reasons.add("priority medium: no rule set one");
        }
        Priority priority = boost(base, fields.boost);
        if (fields.boost > 0) {
            reasons.add("priority " + base.id() + " boosted by " + fields.boost + " to " + priority.id()
                    + (base.ordinal() - fields.boost < 0 ? " (capped at critical)" : ""));
        }
        return new ClassificationResult(new Classification(fields.product, fields.category, fields.skill, fields.type,
                priority, language), reasons);
    }

    /** Raises by {@code levels}; never lowers, never past critical. */
    static Priority boost(Priority base, int levels) {
        return Priority.values()[Math.max(0, base.ordinal() - Math.max(0, levels))];
    }

    private String languageOf(InboundMessage message, String searchable, ConversationLanguages.Spoken conversation,
                              List<String> reasons) {
        if (message.language() != null && !message.language().isBlank()) {
            reasons.add("language " + message.language() + ": given by the channel");
            return message.language();
        }
        if (conversation != null) {
            // Not guessed again from a follow-up's few words: a wrong guess would move the conversation.
            reasons.add("language " + conversation.language() + ": the conversation's, set by message "
                    + conversation.setBy());
            return conversation.language();
        }
        Optional<String> detected = languages.detect(searchable);
        reasons.add(detected.map(l -> "language " + l + ": detected")
                .orElse("language unknown: too little text to tell"));
        return detected.orElse(null);
    }

    private static String join(String subject, String text) {
        return (subject == null ? "" : subject) + "\n" + (text == null ? "" : text);
    }

    /** First match wins per field; boosts add up. */
    private static final class Fields {
        String product;
        String category;
        String skill;
        String type;
        Priority priority;
        int boost;

        List<String> apply(CompiledRule rule) {
            Rule.Actions then = rule.rule().then();
            List<String> effects = new ArrayList<>();
            if (product == null && !Rule.blank(then.product())) {
                product = then.product().trim();
                effects.add("product " + product);
            }
            if (category == null && !Rule.blank(then.category())) {
                category = then.category().trim();
                effects.add("category " + category);
            }
            if (skill == null && !Rule.blank(then.skill())) {
                skill = then.skill().trim();
                effects.add("skill " + skill);
            }
            if (type == null && !Rule.blank(then.type())) {
                type = then.type().trim().toLowerCase(java.util.Locale.ROOT);
                effects.add("type " + type);
            }
            if (priority == null && rule.priority() != null) {
                priority = rule.priority();
                effects.add("priority " + priority.id());
            }
            if (then.boost() != null) {
                boost += then.boost();
                effects.add("boost +" + then.boost());
            }
            return effects;
        }
    }
}
