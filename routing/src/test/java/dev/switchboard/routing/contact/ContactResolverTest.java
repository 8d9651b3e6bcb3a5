package dev.switchboard.routing.contact;

import static dev.switchboard.routing.contact.ContactStories.chat;
import static dev.switchboard.routing.contact.ContactStories.mail;
import static dev.switchboard.routing.contact.ContactStories.newEmail;
import static dev.switchboard.routing.contact.ContactStories.newWaId;
import static dev.switchboard.routing.contact.ContactStories.whatsapp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import dev.switchboard.contract.intake.InboundMessage;
import dev.switchboard.devkit.infra.SwitchboardInfraResource;
import dev.switchboard.routing.auth.AsUser;
import dev.switchboard.routing.contact.crm.CrmWireMock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import dev.switchboard.routing.intake.DecisionStore;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = SwitchboardInfraResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = CrmWireMock.class, restrictToAnnotatedClass = false)
class ContactResolverTest {
    @Inject
    ContactResolver resolver;
    @Inject
    Pool pool;
    @Inject
    DecisionStore decisions;

    @Test
    void aCustomerWritingTwiceOnWhatsAppIsMatchedByPhone() {
        String waId = newWaId();
        ResolvedContact first = resolve(whatsapp(waId, "Ann Peeters", "My router blinks red"));
        ResolvedContact second = resolve(whatsapp(waId, "Ann Peeters", "Still blinking"));

        assertThat(first.reasons()).first().asString().isEqualTo("new contact for phone:+" + waId);
        assertThat(second.context().contactId()).isEqualTo(first.context().contactId());
        assertThat(second.reasons()).contains("matched by phone +" + waId);
        assertThat(second.context().name()).isEqualTo("Ann Peeters");
        assertThat(second.context().lastChannel()).isEqualTo("whatsapp");
    }

    @Test
    void aChatVisitorWhoGivesTheEmailOfEarlierMailsIsTheSameContact() {
        String email = newEmail("bert");
        ResolvedContact byMail = resolve(mail(email, "Bert", "Invoice question"));
        ResolvedContact byChat = resolve(chat("v-" + email, "Bert", email.toUpperCase(), null, "About that invoice"));

        assertThat(byChat.context().contactId()).isEqualTo(byMail.context().contactId());
        assertThat(byChat.reasons()).contains("matched by email " + email, "linked chat_visitor v-" + email + " (same sender)");
        assertThat(byChat.context().lastChannel()).as("the channel used before this message").isEqualTo("email");
    }

    @Test
    void aCustomerWhoWritesOnWhatsAppAndThenFromTheChatWithTheSameEmailIsOneContact() {
        String waId = newWaId();
        String email = newEmail("carla");
        ResolvedContact byMail = resolve(mail(email, "Carla", "Hello"));
        ResolvedContact byWhatsApp = resolve(whatsapp(waId, "Carla", "Hello again"));
        assertThat(byWhatsApp.context().contactId()).isNotEqualTo(byMail.context().contactId());

        // The pre-chat form gave both the email and the WhatsApp number: one sender, one person.
        ResolvedContact byChat = resolve(chat("v-" + waId, "Carla", email, "+" + waId, "Third time"));
        ResolvedContact laterOnWhatsApp = resolve(whatsapp(waId, "Carla", "Any news?"));

        assertThat(byChat.context().contactId()).isEqualTo(byMail.context().contactId());
        assertThat(laterOnWhatsApp.context().contactId()).isEqualTo(byMail.context().contactId());
        assertThat(byChat.reasons()).anySatisfy(reason -> assertThat(reason)
                .startsWith("merged contact " + byWhatsApp.context().contactId() + " into " + byMail.context().contactId()));
        AsUser.admin().when().get("/api/contacts/{id}", byMail.context().contactId())
                .then().statusCode(200)
                .body("identities", hasItems("email:" + email, "phone:+" + waId, "chat_visitor:v-" + waId));
        AsUser.admin().when().get("/api/contacts/{id}", byWhatsApp.context().contactId())
                .then().statusCode(200)
                .body("mergedInto", equalTo(byMail.context().contactId().toString()));
    }

    @Test
    void aPhoneNumberInAMailSignatureDoesNotMergeContacts() {
        String waId = newWaId();
        ResolvedContact byWhatsApp = resolve(whatsapp(waId, "Dirk", "Hi"));
        String email = newEmail("dirk");
        ResolvedContact byMail = resolve(mail(email, "Dirk", "Hi,\nsee below.\n--\nDirk\nMobile: +" + waId));

        assertThat(byMail.context().contactId()).isNotEqualTo(byWhatsApp.context().contactId());
        assertThat(byMail.reasons()).first().asString().isEqualTo("new contact for email:" + email);
        AsUser.admin().queryParam("identity", "phone:+" + waId).when().get("/api/contacts")
                .then().statusCode(200)
                .body("id", equalTo(byWhatsApp.context().contactId().toString()))
                .body("identities", equalTo(java.util.List.of("phone:+" + waId)));
    }

    @Test
    void theOpenTicketsAreTheConversationsRoutedForTheContact() {
        String waId = newWaId();
        InboundMessage first = whatsapp(waId, "Eva", "Order 17 is late");
        ResolvedContact resolved = resolve(first);
        // A decision stored for it (only the contact id matters here), as the intake router stores it.
        pool.withTransaction(c -> decisions.storeAll(c, List.of(new DecisionStore.Row(first.id(), "whatsapp",
                        first.conversationKey(), resolved.context().contactId(), "alice", Instant.now(), "{}", true,
                        DecisionStore.Writes.NONE))))
                .await().atMost(Duration.ofSeconds(10));

        ResolvedContact again = resolve(whatsapp(waId, "Eva", "Any news on order 17?"));

        assertThat(again.context().openTickets()).isEqualTo(1);
    }

    @Test
    void aSenderWithoutAnyIdentityGetsAnAnonymousContactOfTheConversation() {
        ResolvedContact resolved = resolve(chat(" ", "Visitor", null, null, "hello?"));

        assertThat(resolved.reasons()).containsExactly("anonymous: the sender shows no email, phone or user id");
        assertThat(resolved.context().name()).isEqualTo("Visitor");
    }

    private ResolvedContact resolve(InboundMessage message) {
        return ContactStories.resolve(pool, resolver, message);
    }
}
