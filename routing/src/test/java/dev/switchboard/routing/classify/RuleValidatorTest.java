package dev.switchboard.routing.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RuleValidatorTest {

    @Test
    void aRuleWithoutConditionOrActionIsRefused() {
        assertThat(RuleValidator.problems(new Rule(null, "Empty", true, 1, null, null)))
                .anyMatch(p -> p.startsWith("a rule needs at least one condition"))
                .anyMatch(p -> p.startsWith("a rule needs at least one action"));
    }

    @Test
    void unknownValuesAreNamedInTheProblems() {
        Rule rule = new Rule(null, " ", true, 1,
                new Rule.Conditions(null, "*oops", List.of("fax"), List.of(" "), null, List.of("english")),
                new Rule.Actions(null, null, null, "complaint", "blocker", 9));
        assertThat(RuleValidator.problems(rule)).containsExactlyInAnyOrder(
                "name is required",
                "inboxPattern is not a valid regular expression: Dangling meta character '*'",
                "unknown channel 'fax'",
                "keywords must not be blank",
                "language 'english' is not a BCP 47 tag such as en or de-AT",
                "unknown priority 'blocker' (critical, high, medium, low)",
                "unknown type 'complaint' (bug, feature, question)",
                "boost must be between 1 and 3 levels, was 9");
    }

    @Test
    void aSensibleRuleHasNoProblems() {
        Rule rule = new Rule(null, "Billing", null, null, Messages.keywords("invoice"), Messages.category("billing"));
        assertThat(RuleValidator.problems(rule)).isEmpty();
        assertThat(rule.enabled()).isTrue();
        assertThat(rule.order()).isEqualTo(Rule.DEFAULT_ORDER);
    }
}
