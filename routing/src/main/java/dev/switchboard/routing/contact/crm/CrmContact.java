package dev.switchboard.routing.contact.crm;

import java.time.LocalDate;
import java.util.List;

/**
 * The external CRM's answer (our wire format; an adapter in front of a real CRM translates to it).
 * {@code GET {url}/contacts?email=ann@acme.com} or {@code ?phone=+32470123456} answers 200 with
 * <pre>{"name":"Ann Peeters","company":"Acme NV","plan":"business","revenueBand":"1-10M",
 *  "customerSince":"2021-03-01","language":"nl","location":"Antwerp","products":["router","voip"]}</pre>
 * or 404 when the CRM does not know the person. Every field is optional.
 */
public record CrmContact(
        String name,
        String company,
        String plan,
        String revenueBand,
        LocalDate customerSince,
        String language,
        String location,
        List<String> products) {
}
