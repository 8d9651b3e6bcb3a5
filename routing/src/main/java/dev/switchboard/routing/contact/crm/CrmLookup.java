package dev.switchboard.routing.contact.crm;

/** What asking the external CRM gave: a contact, a clear "unknown", or no answer in time. */
public sealed interface CrmLookup {

    record Found(CrmContact contact) implements CrmLookup {
    }

    record NotFound() implements CrmLookup {
    }

    /** Timed out, failed, or the circuit is open: intake goes on with the built-in store. */
    record Unavailable() implements CrmLookup {
    }

    /** The CRM is not configured. */
    record Disabled() implements CrmLookup {
    }
}
