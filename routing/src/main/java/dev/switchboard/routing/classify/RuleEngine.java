package dev.switchboard.routing.classify;

import dev.switchboard.contract.intake.InboundMessage;
import dev.switchboard.contract.routing.ContactContext;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Classifies a message with an admin's rules. Plain Java: no database, no Quarkus.
 *
 * <p>How rules combine:
 * <ul>
 *   <li>Enabled rules run by ascending {@code order} (then name, then id, so that ties are stable);
 *       disabled rules are skipped as if absent.</li>
 *   <li>A rule matches when every condition it gives holds; a list condition holds when any of
 *       its entries does.</li>
 *   <li><b>First match wins per field:</b> product, category, skill, type and priority are set by
 *       the first matching rule that sets them; later rules cannot overwrite them, so an admin
 *       puts the specific rule before the general one.</li>
 *   <li><b>Boosts accumulate:</b> every matching rule's boost adds up and raises the priority
 *       (set, or medium by default) by that many levels, never beyond critical and never
 *       lowering it. Urgency words and the enterprise-plan boost are seeded as such rules.</li>
 *   <li>Language: the one the channel gave, else the conversation's (set by an earlier message), else
 *       detected from subject and text, else null.</li>
 * </ul>
 */
public final class RuleEngine {
    static final Comparator<Rule> RUN_ORDER = Comparator.comparing(Rule::order)
            .thenComparing(r -> Objects.toString(r.name(), ""))
            .thenComparing(r -> Objects.toString(r.id(), ""));

    private final LanguageDetection languages;

    public RuleEngine(LanguageDetection languages) {
        this.languages = languages;
    }

    /** @throws InvalidRuleException when an enabled rule is invalid */
    public ClassificationResult classify(InboundMessage message, ContactContext contact, List<Rule> rules) {
        return compile(rules).classify(message, contact);
    }

    /** Validates and compiles the enabled rules once, for many messages. */
    public RuleSet compile(List<Rule> rules) {
        return new RuleSet(rules.stream()
                .filter(Rule::enabled)
                .sorted(RUN_ORDER)
                .map(CompiledRule::of)
                .toList(), languages);
    }
}
