package dev.switchboard.routing.contact.crm;

import dev.switchboard.contract.routing.ContactContext;
import dev.switchboard.routing.contact.merge.ContactFields;
import dev.switchboard.routing.contact.merge.ContactState;

/**
 * Builds the context an agent sees: the built-in store's fields, overridden field by field by what
 * the external CRM answered (the CRM is the system of record when it is there), with a reason.
 */
public final class ContextAssembly {
    private ContextAssembly() {
    }

    public record Assembled(ContactContext context, String reason) {
    }

    /**
     * @param openTickets for now the routed conversations of the contact (see ContactRepository)
     * @param lastChannel the channel the contact used before this message
     */
    public static Assembled assemble(ContactState contact, int openTickets, String lastChannel, CrmLookup crm) {
        ContactFields stored = contact.fields();
        ContactFields fields = crm instanceof CrmLookup.Found found ? fromCrm(found.contact()).filledFrom(stored) : stored;
        ContactContext context = new ContactContext(contact.id(), fields.name(), fields.company(), fields.plan(),
                fields.revenueBand(), fields.customerSince(), fields.language(), fields.location(), fields.products(),
                openTickets, lastChannel);
        return new Assembled(context, reason(fields, crm));
    }

    private static String reason(ContactFields fields, CrmLookup crm) {
        // Java 17: no pattern matching in switch yet.
        if (crm instanceof CrmLookup.Found) {
            return "CRM: " + summary(fields) + " from external CRM";
        }
        if (crm instanceof CrmLookup.Unavailable) {
            return "CRM unavailable: using the built-in store";
        }
        if (crm instanceof CrmLookup.NotFound) {
            return "CRM: not in the external CRM; " + summary(fields) + " from the built-in store";
        }
        return "CRM: " + summary(fields) + " from the built-in store";
    }

    private static String summary(ContactFields f) {
        String who = f.company() != null ? f.company() : f.name() != null ? f.name() : "no company on record";
        return f.plan() == null ? who : who + " (plan " + f.plan() + ")";
    }

    private static ContactFields fromCrm(CrmContact c) {
        return new ContactFields(c.name(), c.company(), c.plan(), c.revenueBand(), c.customerSince(), c.language(),
                c.location(), c.products());
    }
}
