package dev.switchboard.routing.contact.crm;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contract.Channel;
import dev.switchboard.contract.MessageIds;
import dev.switchboard.contract.intake.InboundMessage;
import dev.switchboard.contract.intake.Sender;
import dev.switchboard.devkit.infra.SwitchboardInfraResource;
import dev.switchboard.routing.contact.ContactResolver;
import dev.switchboard.routing.contact.ResolvedContact;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = SwitchboardInfraResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = CrmWireMock.class, restrictToAnnotatedClass = false)
class CrmEnrichmentTest {
    private static final String ACME = """
            {"name":"Ann Peeters","company":"Acme NV","plan":"business","revenueBand":"1-10M",
             "customerSince":"2021-03-01","language":"nl","location":"Antwerp","products":["router","voip"]}""";

    @Inject
    ContactResolver resolver;
    @Inject
    Pool pool;

    @Test
    void whatTheCrmKnowsAboutTheSenderIsInTheContext() {
        String email = unique("ann");
        CrmWireMock.server().stubFor(get(urlPathEqualTo("/contacts")).withQueryParam("email", equalTo(email))
                .willReturn(okJson(ACME)));

        ResolvedContact resolved = resolve(mail(email));

        assertThat(resolved.context().company()).isEqualTo("Acme NV");
        assertThat(resolved.context().plan()).isEqualTo("business");
        assertThat(resolved.context().customerSince()).isEqualTo(LocalDate.of(2021, 3, 1));
        assertThat(resolved.context().products()).containsExactly("router", "voip");
        assertThat(resolved.context().location()).isEqualTo("Antwerp");
        assertThat(resolved.reasons()).contains("CRM: Acme NV (plan business) from external CRM");
    }

    @Test
    void aCrmThatAnswersAfterTwoSecondsDoesNotStallIntake() {
        String email = unique("slow");
        CrmWireMock.server().stubFor(get(urlPathEqualTo("/contacts")).withQueryParam("email", equalTo(email))
                .willReturn(okJson(ACME).withFixedDelay(2000)));

        long start = System.nanoTime();
        ResolvedContact resolved = resolve(mail(email));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(took).isLessThan(Duration.ofMillis(1500));
        assertThat(resolved.context().company()).isNull();
        assertThat(resolved.reasons()).contains("CRM unavailable: using the built-in store");
    }

    @Test
    void aCrmThatFailsFallsBackToTheBuiltInStore() {
        String email = unique("broken");
        CrmWireMock.server().stubFor(get(urlPathEqualTo("/contacts")).withQueryParam("email", equalTo(email))
                .willReturn(serverError()));

        ResolvedContact resolved = resolve(mail(email));

        assertThat(resolved.context().name()).isEqualTo("Customer");
        assertThat(resolved.reasons()).contains("CRM unavailable: using the built-in store");
    }

    @Test
    void aPersonTheCrmDoesNotKnowIsServedFromTheBuiltInStore() {
        ResolvedContact resolved = resolve(mail(unique("nobody")));

        assertThat(resolved.reasons()).contains("CRM: not in the external CRM; Customer from the built-in store");
    }

    private ResolvedContact resolve(InboundMessage message) {
        return pool.withTransaction(c -> resolver.resolve(c, message))
                .await().atMost(Duration.ofSeconds(10));
    }

    private static String unique(String who) {
        return who + "." + UUID.randomUUID().toString().substring(0, 8) + "@acme.example";
    }

    private static InboundMessage mail(String from) {
        String messageId = "<" + UUID.randomUUID() + "@acme.example>";
        Instant now = Instant.now();
        return new InboundMessage(MessageIds.inbound(Channel.EMAIL, messageId), Channel.EMAIL, "support", messageId,
                "email:" + messageId, now, now, new Sender("Customer", from, null, null, null), "Help", "text", null,
                null, null, false, null, null);
    }
}
