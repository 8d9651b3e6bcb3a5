package dev.switchboard.contract.routing;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What the agent should know about the customer before answering ("Peter from Antwerp, a
 * customer for 3 months"). Attached by routing; any field may be null when unknown.
 */
public record ContactContext(
        UUID contactId,
        String name,
        String company,
        String plan,
        String revenueBand,
        LocalDate customerSince,
        String language,
        String location,
        List<String> products,
        int openTickets,
        String lastChannel) {

    public ContactContext {
        products = products == null ? List.of() : List.copyOf(products);
    }

    /** A contact known only by the identity on the message. */
    public static ContactContext anonymous(UUID contactId, String name) {
        return new ContactContext(contactId, name, null, null, null, null, null, null, List.of(), 0, null);
    }
}
