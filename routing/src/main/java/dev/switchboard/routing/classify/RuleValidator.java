package dev.switchboard.routing.classify;

import dev.switchboard.contract.Channel;
import dev.switchboard.contract.Priority;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** What makes a rule unusable, in words an admin can act on. */
public final class RuleValidator {
    public static final Set<String> TYPES = Set.of("bug", "feature", "question");
    public static final int MAX_BOOST = 3;
    private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*");

    private RuleValidator() {
    }

    /** @return the problems; empty when the rule can be stored and applied */
    public static List<String> problems(Rule rule) {
        List<String> problems = new ArrayList<>();
        if (Rule.blank(rule.name())) {
            problems.add("name is required");
        }
        if (rule.when().isEmpty()) {
            problems.add("a rule needs at least one condition (inbox, inboxPattern, channels, keywords, plans, languages)");
        }
        if (rule.then().isEmpty()) {
            problems.add("a rule needs at least one action (product, category, skill, type, priority, boost)");
        }
        checkConditions(rule.when(), problems);
        checkActions(rule.then(), problems);
        return problems;
    }

    /** @throws InvalidRuleException with every problem */
    public static Rule requireValid(Rule rule) {
        List<String> problems = problems(rule);
        if (!problems.isEmpty()) {
            throw new InvalidRuleException(problems);
        }
        return rule;
    }

    private static void checkConditions(Rule.Conditions when, List<String> problems) {
        if (!Rule.blank(when.inboxPattern())) {
            try {
                Pattern.compile(when.inboxPattern());
            } catch (PatternSyntaxException e) {
                problems.add("inboxPattern is not a valid regular expression: " + e.getDescription());
            }
        }
        for (String channel : when.channels()) {
            try {
                Channel.fromId(String.valueOf(channel));
            } catch (IllegalArgumentException e) {
                problems.add("unknown channel '" + channel + "'");
            }
        }
        if (when.keywords().stream().anyMatch(Rule::blank)) {
            problems.add("keywords must not be blank");
        }
        if (when.plans().stream().anyMatch(Rule::blank)) {
            problems.add("plans must not be blank");
        }
        for (String language : when.languages()) {
            if (language == null || !LANGUAGE_TAG.matcher(language).matches()) {
                problems.add("language '" + language + "' is not a BCP 47 tag such as en or de-AT");
            }
        }
    }

    private static void checkActions(Rule.Actions then, List<String> problems) {
        if (!Rule.blank(then.priority())) {
            try {
                Priority.fromId(then.priority().trim());
            } catch (IllegalArgumentException e) {
                problems.add("unknown priority '" + then.priority() + "' (critical, high, medium, low)");
            }
        }
        if (!Rule.blank(then.type()) && !TYPES.contains(then.type().trim().toLowerCase(java.util.Locale.ROOT))) {
            problems.add("unknown type '" + then.type() + "' (bug, feature, question)");
        }
        if (then.boost() != null && (then.boost() < 1 || then.boost() > MAX_BOOST)) {
            problems.add("boost must be between 1 and " + MAX_BOOST + " levels, was " + then.boost());
        }
    }
}
