package dev.switchboard.routing.contact.merge;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** What the built-in store knows about a contact, as an agent reads it. Any field may be null. */
public record ContactFields(
        String name,
        String company,
        String plan,
        String revenueBand,
        LocalDate customerSince,
        String language,
        String location,
        List<String> products) {

    public ContactFields {
        products = products == null ? List.of() : List.copyOf(products);
    }

    public static ContactFields named(String name) {
        return new ContactFields(name, null, null, null, null, null, null, List.of());
    }

    /** This contact's fields, with the gaps filled from {@code other}; products are the union. */
    public ContactFields filledFrom(ContactFields other) {
        LinkedHashSet<String> union = new LinkedHashSet<>(products);
        union.addAll(other.products);
        return new ContactFields(
                first(name, other.name),
                first(company, other.company),
                first(plan, other.plan),
                first(revenueBand, other.revenueBand),
                first(customerSince, other.customerSince),
                first(language, other.language),
                first(location, other.location),
                new ArrayList<>(union));
    }

    private static <T> T first(T mine, T theirs) {
        return mine != null ? mine : theirs;
    }
}
