package dev.switchboard.routing.classify;

import java.util.List;

/** A rule that cannot be stored or applied; answered with 400 and every problem. */
public class InvalidRuleException extends IllegalArgumentException {
    private final List<String> problems;

    public InvalidRuleException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
