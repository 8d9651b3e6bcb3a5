package dev.switchboard.routing.contact.crm;

import dev.switchboard.routing.contact.identity.Identity;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CaffeineCache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;

/**
 * The external CRM behind a small cache (cache "crm-contacts" in application.properties), so a
 * busy contact costs one CRM call per expiry. Only real answers are cached: an unavailable CRM is
 * asked again next time.
 */
@ApplicationScoped
public class CrmContext {
    private final ExternalCrm crm;
    private final CaffeineCache cache;

    public CrmContext(ExternalCrm crm, @CacheName("crm-contacts") Cache cache) {
        this.crm = crm;
        this.cache = cache.as(CaffeineCache.class);
    }

    public Uni<CrmLookup> lookup(Identity identity) {
        if (!crm.enabled()) {
            return Uni.createFrom().item(new CrmLookup.Disabled());
        }
        CompletableFuture<CrmLookup> cached = cache.getIfPresent(identity);
        if (cached != null) {
            return Uni.createFrom().completionStage(cached);
        }
        return crm.lookup(identity)
                .invoke(answer -> {
                    if (answer instanceof CrmLookup.Found || answer instanceof CrmLookup.NotFound) {
                        cache.put(identity, CompletableFuture.completedFuture(answer));
                    }
                });
    }
}
