package dev.switchboard.routing.contact.crm;

import dev.switchboard.routing.contact.identity.Identity;
import dev.switchboard.routing.contact.identity.IdentityKind;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.faulttolerance.api.AsynchronousNonBlocking;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.net.URI;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * The one place that calls the external CRM. A slow or failing CRM must never stall intake: the
 * call is cut after the timeout, a CRM that keeps failing is not called for a while (circuit
 * breaker), and either way the answer is {@link CrmLookup.Unavailable}. Values in
 * application.properties ({@code switchboard.crm.*}).
 */
@ApplicationScoped
public class ExternalCrm {
    private final Optional<CrmClient> client;

    public ExternalCrm(@ConfigProperty(name = "switchboard.crm.url") Optional<String> url,
                       @ConfigProperty(name = "switchboard.crm.connect-timeout-ms", defaultValue = "1000") long connectMs,
                       @ConfigProperty(name = "switchboard.crm.read-timeout-ms", defaultValue = "5000") long readMs) {
        this.client = url.filter(u -> !u.isBlank())
                .map(u -> QuarkusRestClientBuilder.newBuilder()
                        .baseUri(URI.create(u))
                        .connectTimeout(connectMs, TimeUnit.MILLISECONDS)
                        .readTimeout(readMs, TimeUnit.MILLISECONDS)
                        .build(CrmClient.class));
    }

    public boolean enabled() {
        return client.isPresent();
    }

    /** Only emails and phones are looked up: the CRM knows nothing of chat visitors or handles. */
    @AsynchronousNonBlocking
    @Timeout(value = 300, unit = ChronoUnit.MILLIS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS)
    @Fallback(fallbackMethod = "unavailable")
    public Uni<CrmLookup> lookup(Identity identity) {
        if (client.isEmpty()) {
            return Uni.createFrom().item(new CrmLookup.Disabled());
        }
        Uni<CrmContact> call = identity.kind() == IdentityKind.EMAIL
                ? client.get().byEmail(identity.value())
                : client.get().byPhone(identity.value());
        return call
                .map(contact -> (CrmLookup) new CrmLookup.Found(contact))
                .onFailure(ExternalCrm::isNotFound)
                .recoverWithItem(new CrmLookup.NotFound());
    }

    Uni<CrmLookup> unavailable(Identity identity) {
        return Uni.createFrom().item(new CrmLookup.Unavailable());
    }

    private static boolean isNotFound(Throwable failure) {
        return failure instanceof WebApplicationException web && web.getResponse().getStatus() == 404;
    }
}
