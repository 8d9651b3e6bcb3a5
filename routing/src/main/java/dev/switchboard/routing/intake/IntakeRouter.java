package dev.switchboard.routing.intake;

import dev.switchboard.contract.Json;
import dev.switchboard.consumer.kit.BatchConsumers;
import dev.switchboard.consumer.kit.BatchRetry;
import dev.switchboard.consumer.kit.DeadLetters;
import dev.switchboard.consumer.kit.ReadBatch;
import dev.switchboard.contract.intake.InboundMessage;
import dev.switchboard.routing.assignment.AgentChannel;
import dev.switchboard.routing.assignment.AssignmentRepository;
import dev.switchboard.routing.assignment.CapacityGuard;
import dev.switchboard.routing.classify.ConversationLanguages;
import dev.switchboard.routing.contact.ContactResolver;
import dev.switchboard.routing.contact.identity.Identity;
import dev.switchboard.routing.contact.identity.SenderIdentities;
import dev.switchboard.routing.contact.merge.ContactMatch;
import dev.switchboard.routing.contact.store.ContactRepository;
import dev.switchboard.routing.decision.DecisionPublisher;
import dev.switchboard.routing.dedup.CrossChannelDuplicates;
import dev.switchboard.routing.decision.RoutedMessageRepository;
import dev.switchboard.routing.decision.RoutedMessageRepository.RoutedMessage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * Consumes {@code intake.messages.v1} a poll at a time (consumer-kit's {@link BatchConsumers}, which
 * commits a batch's offsets when {@link #route} completes), decides once per message id, publishes the
 * decisions on {@code routing.assignments.v1}. A batch is decided in one transaction (in partition
 * order, each decision seeing the ones before it), all its decisions are sent at once and waited
 * for together, and only then are its offsets committed: one commit and one broker wait per batch
 * instead of per message. A redelivery finds the stored decision and publishes it again only if
 * that never succeeded.
 */
@ApplicationScoped
public class IntakeRouter {
    private static final Logger LOG = Logger.getLogger(IntakeRouter.class);
    /** Races for the same agents lost in a row before the batch backs off like any other failure. */
    private static final int CAPACITY_RETRIES = 5;

    private final RoutedMessageRepository routed;
    private final SenderIdentities senderIdentities;
    private final ContactRepository contacts;
    private final AssignmentRepository assignments;
    private final CrossChannelDuplicates sameProblem;
    private final ConversationLanguages languages;
    private final MessageDecider decider;
    private final DecisionStore store;
    private final DecisionPublisher publisher;
    private final CapacityGuard capacity;
    private final DeadLetters deadLetters;
    private final Counter decided;
    private final Counter duplicates;
    private final Timer decisionTime;
    private final Timer batchTime;

    public IntakeRouter(RoutedMessageRepository routed, SenderIdentities senderIdentities, ContactRepository contacts,
                        AssignmentRepository assignments, CrossChannelDuplicates sameProblem,
                        ConversationLanguages languages, MessageDecider decider,
                        DecisionStore store, DecisionPublisher publisher, CapacityGuard capacity,
                        DeadLetters deadLetters, MeterRegistry registry) {
        this.routed = routed;
        this.senderIdentities = senderIdentities;
        this.contacts = contacts;
        this.assignments = assignments;
        this.sameProblem = sameProblem;
        this.languages = languages;
        this.decider = decider;
        this.store = store;
        this.publisher = publisher;
        this.capacity = capacity;
        this.deadLetters = deadLetters;
        this.decided = Counter.builder("switchboard.routing.messages").tag("outcome", "routed").register(registry);
        this.duplicates = Counter.builder("switchboard.routing.messages").tag("outcome", "duplicate").register(registry);
        this.decisionTime = Timer.builder("switchboard.routing.decision.latency")
                .description("from receipt of a message to its decision being stored and published")
                .publishPercentiles(0.5, 0.95, 0.99).register(registry);
        this.batchTime = Timer.builder("switchboard.routing.batch.duration")
                .description("one poll of intake records: decided, stored, published")
                .publishPercentiles(0.5, 0.99).register(registry);
    }

    /** What a batch publishes: a fresh decision, or a stored one the broker never acknowledged. */
    private record ToPublish(UUID messageId, MessageDecider.Decided fresh, String eventJson) {
    }

    /**
     * Unreadable records go to the dead-letter topic with the reason (and the batch moves on);
     * anything else (database or broker away) retries the whole batch with back-off, holding the
     * partitions: the messages wait instead of being dead-lettered, and no offset is committed meanwhile.
     */
    public Uni<Void> route(List<ConsumerRecord<String, byte[]>> batch) {
        long start = System.nanoTime();
        ReadBatch<InboundMessage> read = ReadBatch.of(batch, IntakeRouter::readable);
        List<InboundMessage> readable = read.readable();
        List<DeadLetters.Unreadable> unreadable = read.unreadable();
        return deadLetters.sendUntilDone(unreadable)
                .chain(() -> BatchRetry.untilDone(Uni.createFrom().deferred(() -> routeOnce(readable))
                                // Another instance filled an agent meanwhile: decided again at once, on the counts read.
                                .onFailure(CapacityGuard.CapacityTaken.class).retry().atMost(CAPACITY_RETRIES),
                        "routing", readable.size()))
                .invoke(() -> {
                    long end = System.nanoTime();
                    readable.forEach(m -> decisionTime.record(end - start, TimeUnit.NANOSECONDS));
                    batchTime.record(end - start, TimeUnit.NANOSECONDS);
                });
    }

    /** Reads intake once the agents and their load are loaded (AgentDirectory, at default priority). */
    void start(@Observes @Priority(Interceptor.Priority.LIBRARY_AFTER) StartupEvent started, BatchConsumers consumers) {
        consumers.start("intake", this::route);
    }

    private static InboundMessage readable(byte[] payload) {
        InboundMessage message = Json.read(payload, InboundMessage.class);
        if (!message.hasDeterministicId()) {
            throw new Json.MalformedEventException("message " + message.id() + " does not carry the contract's id for "
                    + message.channel().id() + ":" + message.providerMessageId());
        }
        return message;
    }

    private Uni<Void> routeOnce(List<InboundMessage> batch) {
        if (batch.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<MessageDecider.Decided> made = new ArrayList<>();
        long started = System.nanoTime();
        long[] committed = new long[1];
        return routed.inTransaction(c -> decideAll(c, batch, made))
                .invoke(() -> committed[0] = System.nanoTime())
                .onFailure().invoke(e -> {
                    synchronized (made) {
                        made.forEach(d -> d.undo().run());
                    }
                    if (e instanceof CapacityGuard.CapacityTaken taken) {
                        capacity.learn(taken);
                    }
                })
                .invoke(() -> {
                    synchronized (made) {
                        made.forEach(d -> d.afterCommit().run());
                        // Counted once committed (an attempt undone and decided again counts once): every
                        // message of the batch got a decision stored now, or was decided before.
                        decided.increment(made.size());
                        duplicates.increment(batch.size() - made.size());
                    }
                })
                .chain(this::publishAll)
                .invoke(() -> LOG.debugf("batch of %d: decided and committed in %d ms, published in %d ms", batch.size(),
                        (committed[0] - started) / 1_000_000, (System.nanoTime() - committed[0]) / 1_000_000));
    }

    /**
     * A decision made and not stored yet: the batch stores these together in one statement. Its capacity is
     * reserved and it counts among the batch's decisions ({@code made}) from the moment it is made.
     */
    private record Pending(MessageDecider.Decided decision, DecisionStore.Row row) {
    }

    /** A message of the batch with its place in it, and what it publishes (null: nothing) or its pending store. */
    private record Slot(int index, ToPublish published, Pending pending) {
    }

    /**
     * Decides the batch's messages group by group ({@link PersonGroups}): groups side by side on the
     * transaction's connection, so their statements are pipelined instead of each waiting for the
     * one before; each group in batch order. A group's last decision waits to be stored with the other
     * groups' last ones in one statement (nothing later in the batch reads what it writes); an earlier
     * one is stored at once, for the next message of its group to see. Returns what to publish in batch order.
     */
    private Uni<List<ToPublish>> decideAll(SqlConnection c, List<InboundMessage> batch, List<MessageDecider.Decided> made) {
        List<UUID> ids = batch.stream().map(InboundMessage::id).toList();
        Map<InboundMessage, SortedSet<Identity>> shown = new IdentityHashMap<>();
        batch.forEach(m -> shown.put(m, senderIdentities.of(m)));
        Set<Identity> everyone = new TreeSet<>();
        shown.values().forEach(everyone::addAll);
        Set<UUID> seen = ConcurrentHashMap.newKeySet();
        // Every sender's identity locked at once, in one order: two batches with the same person wait for
        // each other instead of deadlocking, and the owners read next stay true until the commit.
        // Then the conversations (always after the identities: one order everywhere), so that the queue
        // drain or a solved ticket cannot change a holder this batch is deciding on.
        return contacts.lock(c, everyone)
                .chain(() -> assignments.lockConversations(c,
                        batch.stream().map(InboundMessage::conversationKey).toList()))
                .chain(() -> routed.findAll(c, ids))
                .chain(stored -> contacts.owners(c, everyone)
                        .chain(owners -> prefetch(c, batch, owners)
                                .chain(prefetch -> {
                                    List<Integer> order = IntStream.range(0, batch.size()).boxed().toList();
                                    List<List<Integer>> groups = PersonGroups.of(order,
                                            i -> groupKeys(batch.get(i), shown.get(batch.get(i)), owners));
                                    return Multi.createFrom().iterable(groups)
                                            .onItem().transformToUniAndMerge(group -> {
                                                // The batch's reads hold for a group until its first decision.
                                                MessageDecider.Prefetch[] fresh = {prefetch};
                                                int last = group.get(group.size() - 1);
                                                return Multi.createFrom().iterable(group)
                                                        .onItem().transformToUniAndConcatenate(i ->
                                                                decideOnce(c, i, batch.get(i), stored, seen, made,
                                                                        fresh, i == last))
                                                        .collect().asList();
                                            })
                                            .collect().asList();
                                })))
                .chain(groups -> {
                    List<Slot> slots = groups.stream().flatMap(List::stream)
                            .sorted(Comparator.comparingInt(Slot::index)).toList();
                    List<Pending> pending = slots.stream().map(Slot::pending).filter(Objects::nonNull).toList();
                    return store.storeAll(c, pending.stream().map(Pending::row).toList())
                            .map(storedNow -> slots.stream()
                                    .map(slot -> slot.pending() == null ? slot.published()
                                            : settle(slot.pending(), storedNow.contains(slot.pending().row().messageId()),
                                                    made))
                                    .filter(Objects::nonNull)
                                    .toList())
                            .call(() -> capacity.check(c, reservedBy(made)));
                });
    }

    /** The agents' slots the batch's stored decisions take. */
    private static List<AgentChannel> reservedBy(List<MessageDecider.Decided> made) {
        synchronized (made) {
            return made.stream().map(MessageDecider.Decided::reserved).filter(Objects::nonNull).toList();
        }
    }

    /**
     * Reads at once what each message's decision would otherwise read alone: the owners' contacts and
     * open conversations, their recent messages (same-problem candidates), who holds each conversation and
     * the language it is in.
     */
    private Uni<MessageDecider.Prefetch> prefetch(SqlConnection c, List<InboundMessage> batch,
                                                  Map<Identity, ContactMatch.Known> owners) {
        Set<UUID> known = new HashSet<>();
        owners.values().forEach(o -> known.add(o.contactId()));
        Set<String> conversations = new HashSet<>();
        Instant from = null;
        Instant to = null;
        for (InboundMessage m : batch) {
            conversations.add(m.conversationKey());
            Instant at = m.receivedAt();
            from = from == null || at.isBefore(from) ? at : from;
            to = to == null || at.isAfter(to) ? at : to;
        }
        Instant earliest = from;
        Instant latest = to;
        return contacts.findAll(c, known)
                .chain(found -> contacts.conversations(c, known)
                        .chain(open -> sameProblem.candidates(c, known, earliest, latest)
                                .chain(recent -> assignments.holders(c, conversations)
                                        .chain(held -> languages.of(c, conversations)
                                                .map(spoken -> new MessageDecider.Prefetch(
                                                        new ContactResolver.Prefetched(owners, found, open), recent, held,
                                                        spoken))))));
    }

    private static Set<String> groupKeys(InboundMessage message, SortedSet<Identity> identities,
                                         Map<Identity, ContactMatch.Known> owners) {
        Set<String> keys = new HashSet<>();
        keys.add("conversation:" + message.conversationKey());
        for (Identity identity : identities) {
            keys.add("identity:" + identity);
            ContactMatch.Known owner = owners.get(identity);
            if (owner != null) {
                keys.add("contact:" + owner.contactId());
            }
        }
        return keys;
    }

    /**
     * @param deferStore the message is its group's last: its decision is stored with the batch's others
     * @return what to publish for this message (nothing when already published, or dropped), or its pending store
     */
    private Uni<Slot> decideOnce(SqlConnection c, int index, InboundMessage message, Map<UUID, RoutedMessage> stored,
                                 Set<UUID> seen, List<MessageDecider.Decided> made, MessageDecider.Prefetch[] fresh,
                                 boolean deferStore) {
        RoutedMessage existing = stored.get(message.id());
        if (existing != null || !seen.add(message.id())) {
            return Uni.createFrom().item(new Slot(index, existing == null || existing.published() ? null
                    : new ToPublish(message.id(), null, existing.eventJson()), null));
        }
        Instant now = Instant.now();
        MessageDecider.Prefetch prefetch = fresh[0];
        fresh[0] = null; // later messages of this group see this decision's writes: they read for themselves
        return decider.decide(c, message, now, prefetch)
                .chain(decision -> {
                    // Counted first: whatever fails from here on (writing the row included) gives its capacity back.
                    synchronized (made) {
                        made.add(decision);
                    }
                    Pending pending = new Pending(decision, row(message, decision, now));
                    if (deferStore) {
                        return Uni.createFrom().item(new Slot(index, null, pending));
                    }
                    return store.storeAll(c, List.of(pending.row()))
                            .map(storedNow -> new Slot(index, settle(pending, !storedNow.isEmpty(), made), null));
                });
    }

    private static DecisionStore.Row row(InboundMessage message, MessageDecider.Decided decision, Instant now) {
        String json = new String(Json.write(decision.event()), StandardCharsets.UTF_8);
        UUID contactId = decision.event().contact() == null ? null : decision.event().contact().contactId();
        return new DecisionStore.Row(message.id(), message.channel().id(), message.conversationKey(), contactId,
                decision.agentId(), now, json, !decision.publish(), decision.writes());
    }

    /** @return what to publish once the decision is stored; null when there is nothing, or it was stored before */
    private ToPublish settle(Pending pending, boolean storedNow, List<MessageDecider.Decided> made) {
        MessageDecider.Decided decision = pending.decision();
        if (!storedNow) {
            // Stored meanwhile by another consumer (a rebalance): nothing was written, nothing held.
            decision.undo().run();
            synchronized (made) {
                made.removeIf(d -> d == decision);
            }
            return null;
        }
        return decision.publish() ? new ToPublish(pending.row().messageId(), decision, pending.row().eventJson()) : null;
    }

    /** Sends every decision of the batch at once (in order), waits for all acks, marks them in one statement. */
    private Uni<Void> publishAll(List<ToPublish> decisions) {
        if (decisions.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Uni<Void>> sends = decisions.stream()
                .map(p -> p.fresh() == null
                        ? publisher.send(p.eventJson())
                        : publisher.send(p.fresh().event(), p.eventJson().getBytes(StandardCharsets.UTF_8)))
                .toList();
        return Uni.join().all(sends).andFailFast()
                .chain(() -> routed.markPublished(decisions.stream().map(ToPublish::messageId).toList()));
    }
}
