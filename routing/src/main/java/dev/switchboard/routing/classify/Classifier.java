package dev.switchboard.routing.classify;

import dev.switchboard.contract.intake.InboundMessage;
import dev.switchboard.contract.routing.ContactContext;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * Classifies with the rules in the database, compiled once and cached. The database is read
 * only to reload: right after a change through this instance's API, and within
 * {@code switchboard.routing.rules.refresh} when another instance changed them.
 */
@ApplicationScoped
public class Classifier {
    private static final Logger LOG = Logger.getLogger(Classifier.class);

    /** A compiled rule set and the revision it was read at. */
    record Loaded(long revision, RuleSet rules) {
    }

    private final RuleRepository repository;
    private final RulesConfig config;
    private final RuleEngine engine;
    private final AtomicReference<Loaded> cache = new AtomicReference<>();

    public Classifier(RuleRepository repository, RulesConfig config) {
        this.repository = repository;
        this.config = config;
        this.engine = new RuleEngine(NgramLanguageDetection.shared());
    }

    public Uni<ClassificationResult> classify(InboundMessage message, ContactContext contact) {
        return classify(message, contact, null);
    }

    /** @param conversation the language the message's conversation is in already; null when it has none */
    public Uni<ClassificationResult> classify(InboundMessage message, ContactContext contact,
                                              ConversationLanguages.Spoken conversation) {
        return current()
                .map(rules -> rules.classify(message, contact, conversation));
    }

    /** Classifies with the given rules instead of the stored ones (an admin trying a rule out). */
    public ClassificationResult classifyWith(InboundMessage message, ContactContext contact, List<Rule> rules) {
        return engine.classify(message, contact, rules);
    }

    public Uni<RuleSet> current() {
        Loaded loaded = cache.get();
        return loaded != null
                ? Uni.createFrom().item(loaded.rules())
                : reload().map(Loaded::rules);
    }

    /** Reads and compiles the stored rules; never replaces a newer set with an older one. */
    public Uni<Loaded> reload() {
        return repository.snapshot()
                .map(this::compile)
                .map(fresh -> cache.accumulateAndGet(fresh,
                        (old, candidate) -> old == null || candidate.revision() >= old.revision() ? candidate : old));
    }

    @Scheduled(every = "${switchboard.routing.rules.refresh}", delayed = "${switchboard.routing.rules.refresh}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> reloadWhenChanged() {
        Loaded loaded = cache.get();
        if (loaded == null) {
            return Uni.createFrom().voidItem(); // nothing cached yet: the first classify loads
        }
        return repository.revision()
                .chain(revision -> revision == loaded.revision()
                        ? Uni.createFrom().voidItem()
                        : reload().replaceWithVoid());
    }

    private Loaded compile(RuleRepository.Snapshot snapshot) {
        // A rule edited straight in the database may be invalid: skip it rather than stop classifying.
        List<Rule> usable = snapshot.rules().stream()
                .filter(rule -> {
                    List<String> problems = RuleValidator.problems(rule);
                    if (!problems.isEmpty()) {
                        LOG.warnf("rule %s '%s' skipped: %s", rule.id(), rule.name(), problems);
                    }
                    return problems.isEmpty();
                })
                .toList();
        LOG.debugf("rules at revision %d: %d usable; next revision check within %s", snapshot.revision(),
                usable.size(), config.refresh());
        return new Loaded(snapshot.revision(), engine.compile(usable));
    }
}
