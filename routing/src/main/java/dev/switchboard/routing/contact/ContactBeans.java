package dev.switchboard.routing.contact;

import dev.switchboard.routing.contact.identity.Identities;
import dev.switchboard.routing.contact.identity.SenderIdentities;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The plain-Java identity rules, configured once for the service. */
@ApplicationScoped
public class ContactBeans {

    @Produces
    @ApplicationScoped
    Identities identities(@ConfigProperty(name = "switchboard.contacts.default-region") String region) {
        return new Identities(region);
    }

    @Produces
    @ApplicationScoped
    SenderIdentities senderIdentities(Identities identities) {
        return new SenderIdentities(identities);
    }
}
