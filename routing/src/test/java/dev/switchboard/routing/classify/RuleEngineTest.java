package dev.switchboard.routing.classify;

import static dev.switchboard.routing.classify.Messages.boost;
import static dev.switchboard.routing.classify.Messages.category;
import static dev.switchboard.routing.classify.Messages.keywords;
import static dev.switchboard.routing.classify.Messages.mail;
import static dev.switchboard.routing.classify.Messages.message;
import static dev.switchboard.routing.classify.Messages.plan;
import static dev.switchboard.routing.classify.Messages.priority;
import static dev.switchboard.routing.classify.Messages.rule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.contract.Channel;
import dev.switchboard.contract.Priority;
import dev.switchboard.contract.routing.Classification;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RuleEngineTest {
    private final RuleEngine engine = new RuleEngine(LanguageDetection.none());

    private final List<Rule> defaults = List.of(
            rule("Urgency words", 10, keywords("urgent", "down", "outage", "asap", "dringend"), boost(1)),
            rule("Enterprise", 20, new Rule.Conditions(null, null, null, null, List.of("enterprise"), null), boost(1)),
            rule("Billing", 100, keywords("invoice", "refund", "charged"),
                    new Rule.Actions(null, "billing", "billing", null, null, null)),
            rule("Connectivity", 110, keywords("router", "wifi", "connection"),
                    new Rule.Actions(null, "connectivity", "network", null, null, null)),
            rule("Bugs", 200, keywords("crash", "error"), new Rule.Actions(null, null, null, "bug", null, null)),
            rule("Questions", 210, keywords("how do I"), new Rule.Actions(null, null, null, "question", null, null)));

    @Test
    void aWrongInvoiceGoesToBillingWithMediumPriority() {
        var result = engine.classify(mail("Invoice 2026-11", "You charged me twice this month."), plan("basic"), defaults);

        assertThat(result.classification()).isEqualTo(new Classification(null, "billing", "billing", null, Priority.MEDIUM, null));
        assertThat(result.reasons()).anyMatch(r -> r.contains("'Billing'") && r.contains("keyword 'invoice'"))
                .contains("priority medium: no rule set one");
    }

    @Test
    void anEnterpriseCustomerWithAnUrgentOutageGetsCritical() {
        var result = engine.classify(mail("URGENT", "Our whole office is down, the router shows an error"),
                plan("Enterprise"), defaults);

        assertThat(result.classification().priority()).isEqualTo(Priority.CRITICAL);
        assertThat(result.classification().category()).isEqualTo("connectivity");
        assertThat(result.classification().type()).isEqualTo("bug");
        assertThat(result.reasons()).contains("priority medium boosted by 2 to critical");
    }

    @Test
    void boostsNeverGoBeyondCritical() {
        List<Rule> rules = List.of(rule("Critical words", 1, keywords("fire"), priority("critical")),
                rule("Urgent", 2, keywords("urgent"), boost(3)));

        var result = engine.classify(mail(null, "urgent: the server room is on fire"), plan(null), rules);

        assertThat(result.classification().priority()).isEqualTo(Priority.CRITICAL);
        assertThat(result.reasons()).anyMatch(r -> r.endsWith("(capped at critical)"));
    }

    @Test
    void theFirstMatchingRuleSetsAFieldAndLaterOnesCannotOverwriteIt() {
        List<Rule> rules = List.of(rule("Specific: router invoice", 10, keywords("router"), category("hardware")),
                rule("General: invoices", 20, keywords("invoice"), category("billing")));

        var result = engine.classify(mail("Invoice for my router", "see subject"), plan(null), rules);

        assertThat(result.classification().category()).isEqualTo("hardware");
        assertThat(result.reasons()).anyMatch(r -> r.contains("'General: invoices'") && r.endsWith("nothing left to set"));
    }

    @Test
    void keywordsMatchWholeWordsIgnoringCase() {
        var rules = List.of(rule("Down", 1, keywords("down"), boost(1)));

        assertThat(engine.classify(mail(null, "I drove downtown to buy a new router"), plan(null), rules)
                .classification().priority()).isEqualTo(Priority.MEDIUM);
        assertThat(engine.classify(mail(null, "Everything is DOWN."), plan(null), rules)
                .classification().priority()).isEqualTo(Priority.HIGH);
    }

    @Test
    void keywordsWithLettersBeyondAsciiStillIgnoreCase() {
        var rules = List.of(rule("Écran", 1, keywords("écran", "Straße"), boost(1)));

        assertThat(engine.classify(mail(null, "Mon ÉCRAN reste noir"), plan(null), rules)
                .classification().priority()).isEqualTo(Priority.HIGH);
        assertThat(engine.classify(mail(null, "Die STRASSE ist gesperrt"), plan(null), rules)
                .classification().priority()).isEqualTo(Priority.MEDIUM);
        assertThat(engine.classify(mail(null, "Welche straße?"), plan(null), rules)
                .classification().priority()).isEqualTo(Priority.HIGH);
    }

    @Test
    void aPhraseMatchesAcrossLineBreaksAndSpacing() {
        var result = engine.classify(mail(null, "Hello, how   do\nI export my contacts?"), plan(null), defaults);
        assertThat(result.classification().type()).isEqualTo("question");
    }

    @Test
    void inboxChannelAndLanguageConditionsNarrowARule() {
        Rule germanWhatsapp = rule("German WhatsApp for the shop", 1,
                new Rule.Conditions(null, "shop-.*@acme\\.example|\\+49.*", List.of("whatsapp"), null, null, List.of("de")),
                new Rule.Actions("webshop", null, "german", null, null, null));

        var german = engine.classify(message(Channel.WHATSAPP, "+4930123456", null, "Wo ist meine Bestellung?", "de-DE"),
                plan(null), List.of(germanWhatsapp));
        var english = engine.classify(message(Channel.WHATSAPP, "+4930123456", null, "Where is my order?", "en"),
                plan(null), List.of(germanWhatsapp));
        var mail = engine.classify(message(Channel.EMAIL, "shop-de@acme.example", null, "Wo ist meine Bestellung?", "de"),
                plan(null), List.of(germanWhatsapp));

        assertThat(german.classification().product()).isEqualTo("webshop");
        assertThat(german.classification().language()).isEqualTo("de-DE");
        assertThat(english.classification().product()).isNull();
        assertThat(mail.classification().product()).isNull();
    }

    @Test
    void anInboxEqualsConditionIgnoresCase() {
        Rule billingInbox = rule("Billing inbox", 1,
                new Rule.Conditions("billing@acme.example", null, null, null, null, null), category("billing"));
        var result = engine.classify(message(Channel.EMAIL, "Billing@ACME.example", "Hi", "Question", null),
                plan(null), List.of(billingInbox));
        assertThat(result.classification().category()).isEqualTo("billing");
    }

    @Test
    void aDisabledRuleIsNotApplied() {
        var rules = List.of(rule("Billing", 1, keywords("invoice"), category("billing")).withEnabled(false));
        assertThat(engine.classify(mail("invoice", "wrong"), plan(null), rules).classification().category()).isNull();
    }

    @Test
    void theDetectedLanguageIsUsedWhenTheChannelDoesNotSayIt() {
        RuleEngine detecting = new RuleEngine(text -> Optional.of("nl"));
        var result = detecting.classify(mail(null, "Mijn router doet het niet meer"), plan(null), List.of());
        assertThat(result.classification().language()).isEqualTo("nl");
        assertThat(result.reasons()).contains("language nl: detected");
    }

    @Test
    void aFollowUpTakesTheConversationsLanguageUnlessItsChannelSaysOtherwise() {
        RuleEngine detecting = new RuleEngine(text -> Optional.of("en"));
        UUID firstMessage = UUID.randomUUID();
        var german = new ConversationLanguages.Spoken("de", firstMessage);
        var followUp = detecting.compile(List.of()).classify(mail(null, "Error: connection timed out"), plan(null), german);
        assertThat(followUp.classification().language()).isEqualTo("de");
        assertThat(followUp.reasons()).contains("language de: the conversation's, set by message " + firstMessage);

        var told = detecting.compile(List.of()).classify(
                message(Channel.CHAT, "web", null, "Bonjour, ma box ne marche plus", "fr"), plan(null), german);
        assertThat(told.classification().language()).isEqualTo("fr");
        assertThat(told.reasons()).contains("language fr: given by the channel");
    }

    @Test
    void anInvalidEnabledRuleIsRefusedWithItsProblems() {
        var broken = rule("Broken", 1, new Rule.Conditions(null, "([", null, null, null, null), priority("blocker"));
        assertThatThrownBy(() -> engine.compile(List.of(broken)))
                .isInstanceOf(InvalidRuleException.class)
                .hasMessageContaining("inboxPattern is not a valid regular expression")
                .hasMessageContaining("unknown priority 'blocker'");
    }
}
