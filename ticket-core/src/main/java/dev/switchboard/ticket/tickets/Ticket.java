package dev.switchboard.ticket.tickets;

import dev.switchboard.contract.Channel;
import dev.switchboard.contract.Priority;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import java.util.UUID;

/**
 * One customer issue: the messages of a conversation until it is solved. Message count and
 * last preview are kept on the row so the queue is a single-table read.
 */
@Entity
@Table(name = "ticket", schema = "ticket")
public class Ticket extends PanacheEntityBase {

    @Id
    public UUID id;

    public long number;

    public String subject;

    @Enumerated(EnumType.STRING)
    public TicketStatus status;

    @Enumerated(EnumType.STRING)
    public Priority priority;

    /** {@link Priority#ordinal()}: 0 is critical, so an ascending sort puts it first. */
    @Column(name = "priority_rank")
    public int priorityRank;

    @Enumerated(EnumType.STRING)
    public Channel channel;

    public String inbox;

    @Column(name = "conversation_key")
    public String conversationKey;

    public String assignee;

    public String team;

    @Column(name = "routing_queue")
    public String routingQueue;

    @Column(name = "contact_id")
    public UUID contactId;

    @Column(name = "contact_name")
    public String contactName;

    /** How the channel identifies the customer: email, phone, handle or channel user id. */
    @Column(name = "contact_identity")
    public String contactIdentity;

    @Column(name = "message_count")
    public int messageCount;

    @Column(name = "last_message_preview")
    public String lastMessagePreview;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** Optimistic locking: a concurrent write based on the same read fails instead of overwriting. */
    @Version
    public long version;

    /** How many events this ticket has announced; each event's id derives from its number. */
    @Column(name = "event_seq")
    public long eventSeq;

    /** Support tier 1..3; escalation raises it. */
    public int tier = 1;

    @Column(name = "reopen_count")
    public int reopenCount;

    /** The closed ticket of the same conversation this one follows up; null otherwise. */
    @Column(name = "follow_up_of")
    public UUID followUpOf;

    /** The customer's address on the ticket's own channel (email, phone, user id). */
    public String recipient;

    @Column(name = "contact_email")
    public String contactEmail;

    @Column(name = "contact_phone")
    public String contactPhone;

    /** The customer's plan from routing's contact context (lower case); picks the plan's SLA targets. */
    public String plan;

    /** The customer's language (BCP 47) when known: notices format dates in it. */
    public String language;

    @Column(name = "first_response_at")
    public Instant firstResponseAt;

    @Column(name = "solved_at")
    public Instant solvedAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "first_response_due_at")
    public Instant firstResponseDueAt;

    @Column(name = "resolution_due_at")
    public Instant resolutionDueAt;

    /** The earliest due time of a clock still running; null when none runs. The queue sorts on it. */
    @Column(name = "sla_due_at")
    public Instant slaDueAt;

    /** Set while the ticket waits on the customer: the SLA clocks stand still. */
    @Column(name = "sla_paused_at")
    public Instant slaPausedAt;

    /** Business time (seconds) spent waiting on the customer so far; added to every target. */
    @Column(name = "sla_paused_seconds")
    public long slaPausedSeconds;

    /** Next-response cycles so far: a customer message after an agent's reply starts one. */
    @Column(name = "next_response_cycle")
    public int nextResponseCycle;

    @Column(name = "next_response_started_at")
    public Instant nextResponseStartedAt;

    @Column(name = "next_response_due_at")
    public Instant nextResponseDueAt;

    /** The agent's reply that stopped the current cycle; null while it runs. */
    @Column(name = "next_response_stopped_at")
    public Instant nextResponseStoppedAt;

    /** {@link #slaPausedSeconds} when the cycle started: the cycle's own pauses are the difference. */
    @Column(name = "next_response_paused_base")
    public long nextResponsePausedBase;

    // Written only by the SLA watch job's own statements, so an agent's save never clears them.
    @Column(name = "first_response_warned_at", insertable = false, updatable = false)
    public Instant firstResponseWarnedAt;

    @Column(name = "resolution_warned_at", insertable = false, updatable = false)
    public Instant resolutionWarnedAt;

    @Column(name = "first_response_breached_at", insertable = false, updatable = false)
    public Instant firstResponseBreachedAt;

    @Column(name = "resolution_breached_at", insertable = false, updatable = false)
    public Instant resolutionBreachedAt;

    @Column(name = "next_response_warned_at", insertable = false, updatable = false)
    public Instant nextResponseWarnedAt;

    /** The cycle the warning above belongs to; an older cycle's warning does not count. */
    @Column(name = "next_response_warned_cycle", insertable = false, updatable = false)
    public int nextResponseWarnedCycle;

    @Column(name = "next_response_breached_at", insertable = false, updatable = false)
    public Instant nextResponseBreachedAt;

    @Column(name = "next_response_breached_cycle", insertable = false, updatable = false)
    public int nextResponseBreachedCycle;

    public boolean nextResponseRunning() {
        return nextResponseDueAt != null && nextResponseStoppedAt == null;
    }

    /** Product or brand from routing's classification; KPIs group by it. */
    public String product;

    /** When an agent first held the ticket: handling time runs from here. */
    @Column(name = "first_assigned_at")
    public Instant firstAssignedAt;

    /** The ticket this duplicate was merged into; null otherwise. */
    @Column(name = "merged_into")
    public UUID mergedInto;

    /** Lower-case labels agents put on the ticket, kept sorted. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] tags = new String[0];

    /** Keeps {@link #slaDueAt} true after a clock stopped or a due time moved. */
    public void refreshSlaDue() {
        Instant firstResponse = firstResponseAt == null ? firstResponseDueAt : null;
        Instant resolution = solvedAt == null && closedAt == null ? resolutionDueAt : null;
        Instant nextResponse = nextResponseRunning() ? nextResponseDueAt : null;
        slaDueAt = earliest(earliest(firstResponse, resolution), nextResponse);
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null ? b : b == null || a.isBefore(b) ? a : b;
    }

    /** An agent holds the ticket; the first one starts the handling time. */
    public void assignTo(String agentId, Instant now) {
        assignee = agentId;
        if (agentId != null && firstAssignedAt == null) {
            firstAssignedAt = now;
        }
    }

    public void prioritise(Priority newPriority) {
        priority = newPriority;
        priorityRank = newPriority.ordinal();
    }
}
