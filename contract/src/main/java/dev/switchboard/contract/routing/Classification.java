package dev.switchboard.contract.routing;

import dev.switchboard.contract.Priority;
import java.util.Objects;

/**
 * What routing concluded about a message.
 *
 * @param product  product or brand, null when no rule matched
 * @param category e.g. hardware, software, connectivity, account, billing
 * @param skill    the skill an agent needs to handle it
 * @param type     bug, feature, question
 * @param priority never null; {@link Priority#MEDIUM} when nothing says otherwise
 * @param language BCP 47 tag, detected or given
 */
public record Classification(
        String product, String category, String skill, String type, Priority priority, String language) {

    public Classification {
        Objects.requireNonNull(priority, "priority");
    }

    public static Classification unclassified() {
        return new Classification(null, null, null, null, Priority.MEDIUM, null);
    }
}
