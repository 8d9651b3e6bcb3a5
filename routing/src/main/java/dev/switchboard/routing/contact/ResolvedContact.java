package dev.switchboard.routing.contact;

import dev.switchboard.contract.routing.ContactContext;
import java.util.List;

/**
 * The contact of a message and why: "matched by phone +32470123456", "CRM: Acme NV (plan business)
 * from external CRM", "CRM unavailable: using the built-in store".
 */
public record ResolvedContact(ContactContext context, List<String> reasons) {

    public ResolvedContact {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }
}
