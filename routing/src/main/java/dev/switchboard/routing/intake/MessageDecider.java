package dev.switchboard.routing.intake;

import dev.switchboard.contract.Priority;
import dev.switchboard.contract.intake.InboundMessage;
import dev.switchboard.contract.routing.Classification;
import dev.switchboard.contract.routing.ContactContext;
import dev.switchboard.contract.routing.Decision;
import dev.switchboard.contract.routing.DuplicateLinked;
import dev.switchboard.contract.routing.MessageAssigned;
import dev.switchboard.contract.routing.MessageQueued;
import dev.switchboard.contract.routing.RoutingEvent;
import dev.switchboard.routing.assignment.AgentChannel;
import dev.switchboard.routing.assignment.AgentDirectory;
import dev.switchboard.routing.assignment.AssignmentOutcome;
import dev.switchboard.routing.assignment.AssignmentRepository;
import dev.switchboard.routing.assignment.QueueResource;
import dev.switchboard.routing.assignment.WorkItem;
import dev.switchboard.routing.classify.ClassificationResult;
import dev.switchboard.routing.classify.Classifier;
import dev.switchboard.routing.classify.ConversationLanguages;
import dev.switchboard.routing.contact.ContactResolver;
import dev.switchboard.routing.contact.ResolvedContact;
import dev.switchboard.routing.dedup.CrossChannelDuplicates;
import dev.switchboard.routing.dedup.DuplicateMatch;
import dev.switchboard.routing.dedup.MailDeduplicator;
import dev.switchboard.routing.decision.DecisionIds;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The decision for one new message, inside routing's transaction, in the order a support lead
 * would think it: who is this (contact), have we seen it (same mail twice, same problem on
 * another channel), what is it (classification), who takes it (assignment) — each step adding
 * its reasons.
 */
@ApplicationScoped
public class MessageDecider {
    /**
     * @param event       what to publish; for a dropped message the record of why, never published
     * @param publish     false when the message is dropped (the same mail through a second route, an auto-reply)
     * @param undo        gives back capacity reserved for this decision if the transaction fails
     * @param afterCommit confirms the reserved slot and frees the capacity of an agent the conversation moved away from
     * @param writes      what storing the decision also writes (hold or queue entry, same-problem candidate)
     * @param reserved    the agent's slot this decision takes (new work for them); null for none
     */
    public record Decided(RoutingEvent event, String agentId, boolean publish, Runnable undo, Runnable afterCommit,
                          DecisionStore.Writes writes, AgentChannel reserved) {
    }

    /**
     * What a batch read at once for all its messages ({@link IntakeRouter}); valid for a message until
     * an earlier message of the same person or conversation is decided in the batch. Null: read here.
     */
    public record Prefetch(ContactResolver.Prefetched contacts, Map<UUID, List<CrossChannelDuplicates.Candidate>> recent,
                           Map<String, AssignmentRepository.Holding> holders,
                           Map<String, ConversationLanguages.Spoken> languages) {
    }

    private final ContactResolver contacts;
    private final MailDeduplicator sameMail;
    private final CrossChannelDuplicates sameProblem;
    private final Classifier classifier;
    private final ConversationLanguages languages;
    private final AssignmentRepository assignments;
    private final AgentDirectory directory;

    public MessageDecider(ContactResolver contacts, MailDeduplicator sameMail, CrossChannelDuplicates sameProblem,
                          Classifier classifier, ConversationLanguages languages, AssignmentRepository assignments,
                          AgentDirectory directory) {
        this.contacts = contacts;
        this.sameMail = sameMail;
        this.sameProblem = sameProblem;
        this.classifier = classifier;
        this.languages = languages;
        this.assignments = assignments;
        this.directory = directory;
    }

    /** Decides one message; the caller holds the locks of the sender's identities in this transaction. */
    public Uni<Decided> decide(SqlConnection c, InboundMessage message, Instant now, Prefetch prefetch) {
        return contacts.resolveLocked(c, message, prefetch == null ? null : prefetch.contacts())
                .chain(contact -> sameMail.firstSeen(c, message)
                        .chain(firstCopy -> firstCopy.isPresent()
                                ? Uni.createFrom().item(dropped(message, contact, firstCopy.get(), now))
                                : classifyAndPlace(c, message, contact, now, prefetch)));
    }

    private Uni<Decided> classifyAndPlace(SqlConnection c, InboundMessage message, ResolvedContact contact, Instant now,
                                          Prefetch prefetch) {
        Uni<Optional<ConversationLanguages.Spoken>> spoken = prefetch == null
                ? languages.of(c, message.conversationKey())
                : Uni.createFrom().item(Optional.ofNullable(prefetch.languages().get(message.conversationKey())));
        return spoken.chain(conversation -> classifier.classify(message, contact.context(), conversation.orElse(null))
                .chain(classified -> {
                    List<String> reasons = new ArrayList<>(contact.reasons());
                    reasons.addAll(classified.reasons());
                    if (message.autoGenerated()) {
                        reasons.add("auto-generated (auto-reply, bounce or list mail): no ticket, no agent");
                        return Uni.createFrom().item(new Decided(new MessageQueued(message, contact.context(),
                                classified.classification(), decision(message, now, reasons), "auto-generated"),
                                null, false, () -> { }, () -> { }, DecisionStore.Writes.NONE, null));
                    }
                    UUID contactId = contact.context().contactId();
                    List<CrossChannelDuplicates.Candidate> candidates = prefetch == null ? null
                            : prefetch.recent().getOrDefault(contactId, List.of());
                    return sameProblem.check(c, message, contactId, candidates)
                            .chain(check -> check.original().isPresent()
                                    ? Uni.createFrom().item(linked(message, contact, classified, check.original().get(),
                                            reasons, now))
                                    : assign(c, message, contact.context(), classified.classification(), reasons, now,
                                            prefetch, check.textToRecord(),
                                            // The first message with a language sets the conversation's.
                                            conversation.isEmpty() ? classified.classification().language() : null));
                }));
    }

    private Decided dropped(InboundMessage message, ResolvedContact contact, UUID firstCopy, Instant now) {
        List<String> reasons = new ArrayList<>(contact.reasons());
        reasons.add("dropped: the same mail (Message-ID " + message.providerMessageId() + ") arrived before as "
                + firstCopy);
        RoutingEvent record = new DuplicateLinked(message, contact.context(), Classification.unclassified(),
                decision(message, now, reasons), firstCopy, message.conversationKey(), 1.0);
        return new Decided(record, null, false, () -> { }, () -> { }, DecisionStore.Writes.NONE, null);
    }

    private Decided linked(InboundMessage message, ResolvedContact contact, ClassificationResult classified,
                           DuplicateMatch match, List<String> reasons, Instant now) {
        reasons.add(String.format(Locale.ROOT,
                "same problem as message %s on %s (similarity %.2f): linked to that conversation, no new ticket",
                match.originalMessageId(), match.originalConversationKey(), match.similarity()));
        RoutingEvent event = new DuplicateLinked(message, contact.context(), classified.classification(),
                decision(message, now, reasons), match.originalMessageId(), match.originalConversationKey(),
                match.similarity());
        return new Decided(event, null, true, () -> { }, () -> { }, DecisionStore.Writes.NONE, null);
    }

    private Uni<Decided> assign(SqlConnection c, InboundMessage message, ContactContext contact,
                                Classification classification, List<String> reasons, Instant now, Prefetch prefetch,
                                String report, String conversationLanguage) {
        WorkItem work = workFor(message, classification);
        Uni<Optional<AssignmentRepository.Holding>> holding = prefetch == null
                ? assignments.holder(c, message.conversationKey())
                : Uni.createFrom().item(Optional.ofNullable(prefetch.holders().get(message.conversationKey())));
        return holding
                .chain(holder -> {
                    AgentDirectory.Reserved reserved = directory.decideAndReserve(work,
                            holder.map(AssignmentRepository.Holding::agentId), now);
                    try {
                        return Uni.createFrom().item(decided(message, contact, classification, reasons, now,
                                new DecisionStore.Writes(report, message.receivedAt(), work, conversationLanguage),
                                holder, reserved));
                    } catch (RuntimeException e) {
                        if (reserved.reservation() != null) {
                            reserved.reservation().giveBack(); // not among the batch's decisions: nobody else would
                        }
                        throw e;
                    }
                });
    }

    private Decided decided(InboundMessage message, ContactContext contact, Classification classification,
                            List<String> reasons, Instant now, DecisionStore.Writes writes,
                            Optional<AssignmentRepository.Holding> holder, AgentDirectory.Reserved reserved) {
        reasons.addAll(reserved.outcome().reasons());
        Decision decision = decision(message, now, reasons);
        WorkItem work = writes.work();
        if (reserved.outcome() instanceof AssignmentOutcome.Assign assign) {
            AgentDirectory.Reservation slot = reserved.reservation();
            Runnable undo = slot == null ? () -> { } : slot::giveBack;
            Runnable afterCommit = slot == null ? () -> { } : () -> {
                slot.confirm();
                // The conversation moved away from the agent who held it.
                holder.ifPresent(h -> directory.release(h.agentId(), h.channel()));
            };
            RoutingEvent event = new MessageAssigned(message, contact, classification, decision, assign.agentId(),
                    assign.team());
            // Held when the decision is stored (DecisionStore), in the same statement.
            return new Decided(event, assign.agentId(), true, undo, afterCommit, writes,
                    slot == null ? null : slot.slot());
        }
        RoutingEvent event = new MessageQueued(message, contact, classification, decision, QueueResource.queueOf(work));
        return new Decided(event, null, true, () -> { }, () -> { }, writes, null);
    }

    private static Decision decision(InboundMessage message, Instant now, List<String> reasons) {
        return new Decision(DecisionIds.first(message.id()), now, reasons);
    }

    /** Urgent work asks for more skill; the level widens again while it waits. */
    static WorkItem workFor(InboundMessage message, Classification classification) {
        int level = classification.priority() == Priority.CRITICAL ? 3
                : classification.priority() == Priority.HIGH ? 2 : 1;
        return new WorkItem(message.id(), message.conversationKey(), message.channel(), classification.priority(),
                classification.skill(), level, classification.product(), classification.language(), 1,
                message.receivedAt(), null, Set.of());
    }

}
