package dev.switchboard.ticket.workflow;

import dev.switchboard.contract.Priority;
import dev.switchboard.ticket.api.TicketDetail;
import dev.switchboard.ticket.auth.Caller;
import dev.switchboard.ticket.csat.Surveys;
import dev.switchboard.ticket.notices.Notices;
import dev.switchboard.ticket.kpi.KpiMetrics;
import dev.switchboard.ticket.outbox.Outbox;
import dev.switchboard.ticket.outbox.OutboxRelay;
import dev.switchboard.ticket.outbox.TicketEvents;
import dev.switchboard.ticket.sla.TicketSla;
import dev.switchboard.ticket.tickets.Ticket;
import dev.switchboard.ticket.tickets.TicketMapper;
import dev.switchboard.ticket.tickets.TicketMessage;
import dev.switchboard.ticket.tickets.TicketMessageRepository;
import dev.switchboard.ticket.tickets.TicketRepository;
import dev.switchboard.ticket.tickets.TicketStatus;
import dev.switchboard.ticket.web.BadRequestException;
import dev.switchboard.ticket.web.ConflictException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.security.ForbiddenException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

/**
 * The agents' commands on a ticket: status, escalation, assignment, transfer, tags. Each runs in one transaction
 * with its ticket event in the outbox; the relay is woken after the commit.
 */
@ApplicationScoped
public class TicketChanges {
    private final TicketRepository tickets;
    private final TicketMessageRepository messages;
    private final Outbox outbox;
    private final OutboxRelay relay;
    private final TicketSla sla;
    private final Notices notices;
    private final Surveys surveys;
    private final KpiMetrics metrics;

    public TicketChanges(TicketRepository tickets, TicketMessageRepository messages, Outbox outbox, OutboxRelay relay,
                         TicketSla sla, Notices notices, Surveys surveys, KpiMetrics metrics) {
        this.sla = sla;
        this.notices = notices;
        this.surveys = surveys;
        this.metrics = metrics;
        this.tickets = tickets;
        this.messages = messages;
        this.outbox = outbox;
        this.relay = relay;
    }

    public Uni<TicketDetail> changeStatus(UUID id, String statusId, Caller caller, Long expectedVersion) {
        TicketStatus to = parseStatus(statusId);
        return change(id, expectedVersion, caller, ticket -> {
            Transition transition = TicketWorkflow.change(ticket.status, to);
            if (transition instanceof Transition.Forbidden forbidden) {
                throw new ConflictException("transition-forbidden", forbidden.reason());
            }
            Instant now = Instant.now();
            TicketStatus from = ticket.status;
            ticket.status = to;
            ticket.updatedAt = now;
            if (from == TicketStatus.SOLVED && to == TicketStatus.OPEN) {
                ticket.reopenCount++;
                ticket.solvedAt = null;
            }
            if (to == TicketStatus.SOLVED) {
                ticket.solvedAt = now;
            }
            if (to == TicketStatus.CLOSED) {
                ticket.closedAt = now;
            }
            sla.statusChanged(ticket, from, now);
            if (to == TicketStatus.SOLVED) {
                return outbox.add(TicketEvents.solved(ticket, now))
                        .chain(() -> notices.solved(ticket, now));
            }
            if (to == TicketStatus.CLOSED) {
                return outbox.add(TicketEvents.closed(ticket, now));
            }
            return Uni.createFrom().voidItem();
        });
    }

    /**
     * One tier up, status escalated, and an internal note that keeps the reason with the ticket.
     *
     * @param caller who escalated: the note is theirs, whoever holds the ticket
     */
    public Uni<TicketDetail> escalate(UUID id, String reason, Caller caller, Long expectedVersion) {
        if (reason == null || reason.isBlank()) {
            throw new BadRequestException("an escalation needs a reason");
        }
        return change(id, expectedVersion, caller, ticket -> {
            Transition transition = TicketWorkflow.escalate(ticket.status, ticket.tier);
            if (transition instanceof Transition.Forbidden forbidden) {
                throw new ConflictException("escalation-forbidden", forbidden.reason());
            }
            Instant now = Instant.now();
            ticket.tier++;
            TicketStatus from = ticket.status;
            ticket.status = TicketStatus.ESCALATED;
            sla.statusChanged(ticket, from, now);
            ticket.updatedAt = now;
            TicketMessage note = Notes.internal(ticket, caller.name(),
                    "Escalated to tier " + ticket.tier + ": " + reason.strip(), now);
            return messages.persist(note)
                    .chain(() -> notices.escalated(ticket, now));
        });
    }

    /** A new priority: the SLA due times are recomputed from creation with its targets. */
    public Uni<TicketDetail> reprioritise(UUID id, String priorityId, Caller caller, Long expectedVersion) {
        Priority priority = parsePriority(priorityId);
        return change(id, expectedVersion, caller, ticket -> {
            if (!ticket.status.isOpen()) {
                throw new ConflictException("priority-forbidden", "a " + ticket.status.id() + " ticket keeps its priority");
            }
            if (ticket.priority != priority) {
                ticket.prioritise(priority);
                sla.reprioritised(ticket);
                ticket.updatedAt = Instant.now();
            }
            return Uni.createFrom().voidItem();
        });
    }

    /**
     * Gives the ticket to an agent. An agent may only take it themselves; supervisors and admins
     * hand it to anyone, and may move it to another team they cover.
     */
    public Uni<TicketDetail> assign(UUID id, String agentId, String team, Caller caller, Long expectedVersion) {
        if (agentId == null || agentId.isBlank()) {
            throw new BadRequestException("agentId is required");
        }
        String wantedTeam = team == null || team.isBlank() ? null : team.strip();
        return change(id, expectedVersion, caller, ticket -> {
            // After the load: a ticket the caller may not see answers 404 first, as it always did.
            if (!caller.leads() && !agentId.equals(caller.name())) {
                throw new ForbiddenException("an agent can take a ticket but not hand it to someone else");
            }
            if (wantedTeam != null && !caller.scope().covers(wantedTeam)) {
                throw new ForbiddenException("you cannot move a ticket to team " + wantedTeam);
            }
            if (!ticket.status.isOpen()) {
                throw new ConflictException("assignment-forbidden", "a " + ticket.status.id() + " ticket cannot be assigned");
            }
            String newTeam = wantedTeam != null ? wantedTeam : ticket.team != null ? ticket.team : onlyTeamOf(caller);
            if (Objects.equals(ticket.assignee, agentId) && Objects.equals(ticket.team, newTeam)) {
                return Uni.createFrom().voidItem();
            }
            Instant now = Instant.now();
            String previous = ticket.assignee;
            ticket.assignTo(agentId, now);
            ticket.team = newTeam;
            if (ticket.status == TicketStatus.NEW) {
                ticket.status = TicketStatus.OPEN;
            }
            ticket.updatedAt = now;
            if (Objects.equals(previous, agentId)) {
                return Uni.createFrom().voidItem();
            }
            return outbox.add(TicketEvents.assigned(ticket, previous, now, true));
        });
    }

    /** A ticket without a team, assigned by someone of exactly one team, joins that team; else it stays without. */
    private static String onlyTeamOf(Caller caller) {
        return caller.teams().size() == 1 ? caller.teams().iterator().next() : null;
    }

    /**
     * Hands the ticket to another team. With an agent, that agent holds it; without, it waits
     * unassigned in the team's queue (status new), and the previous agent's hold ends.
     */
    public Uni<TicketDetail> transfer(UUID id, String team, String agentId, Caller caller, Long expectedVersion) {
        if (team == null || team.isBlank()) {
            throw new BadRequestException("team is required");
        }
        String agent = agentId == null || agentId.isBlank() ? null : agentId.strip();
        return change(id, expectedVersion, caller, ticket -> {
            if (!ticket.status.isOpen()) {
                throw new ConflictException("transfer-forbidden", "a " + ticket.status.id() + " ticket cannot be transferred");
            }
            Instant now = Instant.now();
            String previous = ticket.assignee;
            ticket.team = team.strip();
            ticket.assignTo(agent, now);
            if (agent == null && ticket.status == TicketStatus.OPEN) {
                ticket.status = TicketStatus.NEW;
            } else if (agent != null && ticket.status == TicketStatus.NEW) {
                ticket.status = TicketStatus.OPEN;
            }
            ticket.updatedAt = now;
            return Objects.equals(previous, agent) ? Uni.createFrom().voidItem()
                    : outbox.add(TicketEvents.assigned(ticket, previous, now, true));
        });
    }

    /** Adds and removes tags; tags are lower case, kept sorted, each at most once. */
    public Uni<TicketDetail> tag(UUID id, List<String> add, List<String> remove, Caller caller, Long expectedVersion) {
        List<String> added = Tags.normalise(add);
        List<String> removed = Tags.normalise(remove);
        if (added.isEmpty() && removed.isEmpty()) {
            throw new BadRequestException("give tags to add or remove");
        }
        return change(id, expectedVersion, caller, ticket -> {
            String[] tags = Tags.apply(ticket.tags, added, removed);
            if (!Arrays.equals(tags, ticket.tags)) {
                ticket.tags = tags;
                ticket.updatedAt = Instant.now();
            }
            return Uni.createFrom().voidItem();
        });
    }

    /**
     * Loads, changes and flushes inside one transaction, so a version conflict surfaces here (409)
     * and the answer shows the new version; then wakes the relay and records KPI events. A ticket outside
     * the caller's teams is not found: one read serves both the visibility check and the change.
     */
    private Uni<TicketDetail> change(UUID id, Long expectedVersion, Caller caller,
                                     Function<Ticket, Uni<Void>> command) {
        TicketStatus[] before = new TicketStatus[1];
        Ticket[] changed = new Ticket[1];
        return Panache.withTransaction(() -> tickets.forChange(id, expectedVersion, caller.scope())
                        .invoke(ticket -> before[0] = ticket.status)
                        .call(command::apply)
                        .call(Panache::flush)
                        .invoke(ticket -> changed[0] = ticket)
                        .chain(ticket -> messages.forTicket(ticket.id)
                                .chain(list -> surveys.answerOf(ticket.id)
                                        .map(csat -> TicketMapper.toDetail(ticket, list, csat)))))
                .invoke(relay::trigger)
                .invoke(() -> recordKpis(before[0], changed[0]));
    }

    private void recordKpis(TicketStatus before, Ticket ticket) {
        if (before != TicketStatus.SOLVED && ticket.status == TicketStatus.SOLVED) {
            metrics.solved(ticket.channel, ticket.createdAt, ticket.solvedAt);
        }
        if (before == TicketStatus.SOLVED && ticket.status == TicketStatus.OPEN) {
            metrics.reopened(ticket.channel);
        }
    }

    private static Priority parsePriority(String priorityId) {
        if (priorityId == null || priorityId.isBlank()) {
            throw new BadRequestException("priority is required");
        }
        try {
            return Priority.fromId(priorityId.strip());
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("unknown priority: " + priorityId);
        }
    }

    private static TicketStatus parseStatus(String statusId) {
        if (statusId == null || statusId.isBlank()) {
            throw new BadRequestException("status is required");
        }
        try {
            return TicketStatus.fromId(statusId.strip());
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
    }
}
