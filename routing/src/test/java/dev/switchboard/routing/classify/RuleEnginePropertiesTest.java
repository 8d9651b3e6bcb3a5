package dev.switchboard.routing.classify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contract.Channel;
import dev.switchboard.contract.intake.InboundMessage;
import dev.switchboard.contract.routing.ContactContext;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** What must hold for any message and any rules an admin may write. */
class RuleEnginePropertiesTest {
    private static final List<String> WORDS = List.of("router", "wifi", "invoice", "urgent", "down", "crash", "error",
            "password", "refund", "printer", "how", "the", "my", "is");
    private static final List<String> PLANS = List.of("basic", "pro", "enterprise");
    private final RuleEngine engine = new RuleEngine(LanguageDetection.none());

    @Property
    void aBoostNeverLowersThePriority(@ForAll("messages") InboundMessage message, @ForAll("plans") String plan,
                                      @ForAll("ruleLists") List<Rule> rules, @ForAll @IntRange(min = 1, max = 3) int levels,
                                      @ForAll @IntRange(min = -5, max = 500) int order) {
        ContactContext contact = Messages.plan(plan);
        List<Rule> boosted = new ArrayList<>(rules);
        boosted.add(Messages.rule("extra boost", order, new Rule.Conditions(null, null, List.of(message.channel().id()),
                null, null, null), Messages.boost(levels)));

        var without = engine.classify(message, contact, rules).classification().priority();
        var with = engine.classify(message, contact, boosted).classification().priority();

        assertThat(with.ordinal()).isLessThanOrEqualTo(without.ordinal()); // lower ordinal = more urgent
        assertThat(with.ordinal()).isGreaterThanOrEqualTo(Math.max(0, without.ordinal() - levels));
    }

    @Property
    void disablingARuleThatDoesNotMatchChangesNothing(@ForAll("messages") InboundMessage message,
                                                      @ForAll("plans") String plan,
                                                      @ForAll("ruleLists") List<Rule> rules,
                                                      @ForAll @IntRange(min = 0, max = 7) int pick) {
        ContactContext contact = Messages.plan(plan);
        Rule candidate = rules.get(pick % rules.size());
        boolean matches = engine.compile(List.of(candidate)).classify(message, contact).reasons().stream()
                .anyMatch(r -> r.startsWith("rule '"));
        net.jqwik.api.Assume.that(!matches);

        List<Rule> disabled = rules.stream().map(r -> r == candidate ? r.withEnabled(false) : r).toList();

        assertThat(engine.classify(message, contact, disabled)).isEqualTo(engine.classify(message, contact, rules));
    }

    @Property
    void theOrderOfTheListDoesNotMatterOnlyTheRulesOrderField(@ForAll("messages") InboundMessage message,
                                                               @ForAll("plans") String plan,
                                                               @ForAll("ruleLists") List<Rule> rules) {
        ContactContext contact = Messages.plan(plan);
        List<Rule> reversed = new ArrayList<>(rules);
        java.util.Collections.reverse(reversed);
        assertThat(engine.classify(message, contact, reversed)).isEqualTo(engine.classify(message, contact, rules));
    }

    @Provide
    Arbitrary<InboundMessage> messages() {
        Arbitrary<String> text = Arbitraries.of(WORDS).list().ofMinSize(1).ofMaxSize(8).map(w -> String.join(" ", w));
        return Combinators.combine(Arbitraries.of(Channel.class), text, Arbitraries.of("en", "de", null))
                .as((channel, body, language) -> Messages.message(channel, "support@acme.example", null, body, language));
    }

    @Provide
    Arbitrary<String> plans() {
        return Arbitraries.of(PLANS).injectNull(0.3);
    }

    @Provide
    Arbitrary<List<Rule>> ruleLists() {
        return rules().list().ofMinSize(1).ofMaxSize(8);
    }

    private Arbitrary<Rule> rules() {
        Arbitrary<List<String>> keywords = Arbitraries.of(WORDS).list().ofMaxSize(2);
        Arbitrary<List<String>> channels = Arbitraries.of(Channel.class).map(Channel::id).list().ofMaxSize(2);
        Arbitrary<List<String>> plans = Arbitraries.of(PLANS).list().ofMaxSize(1);
        Arbitrary<Rule.Conditions> when = Combinators.combine(keywords, channels, plans)
                .as((k, c, p) -> new Rule.Conditions(null, null, c, k, p, null))
                .filter(c -> !c.isEmpty());
        Arbitrary<Rule.Actions> then = Combinators.combine(
                        Arbitraries.of("hardware", "billing", "connectivity").injectNull(0.5),
                        Arbitraries.of("bug", "question", "feature").injectNull(0.5),
                        Arbitraries.of("critical", "high", "medium", "low").injectNull(0.6),
                        Arbitraries.integers().between(1, 3).injectNull(0.6))
                .as((category, type, priority, boost) -> new Rule.Actions(null, category, null, type, priority, boost))
                .filter(a -> !a.isEmpty());
        return Combinators.combine(Arbitraries.integers().between(0, 20), when, then, Arbitraries.of(true, false))
                .as((order, w, t, enabled) -> new Rule(UUID.randomUUID(), "rule " + order, enabled, order, w, t));
    }
}
