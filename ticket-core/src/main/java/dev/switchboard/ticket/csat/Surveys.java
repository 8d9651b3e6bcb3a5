package dev.switchboard.ticket.csat;

import dev.switchboard.ticket.outbox.Outbox;
import dev.switchboard.ticket.outbox.TicketEvents;
import dev.switchboard.ticket.tickets.Ticket;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * CSAT surveys and answers. Every method runs in the caller's transaction, so a survey opens
 * with the solve that sends its link, and an answer commits with its {@code CsatReceived} event.
 */
@ApplicationScoped
public class Surveys {
    /** Where answers on the survey page come from (the KPI's {@code channel}). */
    public static final String WEB = "web";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final CsatConfig config;
    private final Outbox outbox;

    public Surveys(CsatConfig config, Outbox outbox) {
        this.config = config;
        this.outbox = outbox;
    }

    /** A new survey for a solved ticket: its token, unguessable (256 random bits). */
    public Uni<String> open(Ticket ticket, Instant now) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        CsatSurvey survey = new CsatSurvey();
        survey.token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        survey.ticketId = ticket.id;
        survey.createdAt = now;
        survey.expiresAt = now.plus(config.validFor());
        return survey.persist().map(ignored -> survey.token);
    }

    public String link(String token) {
        return config.publicUrl().replaceAll("/+$", "") + "/csat/" + token;
    }

    public Uni<CsatSurvey> byToken(String token) {
        return CsatSurvey.findById(token);
    }

    /** True while a survey of the ticket can be answered: a reply of one digit is then a rating. */
    public Uni<Boolean> awaiting(UUID ticketId, Instant now) {
        return CsatSurvey.count("ticketId = ?1 and expiresAt > ?2", ticketId, now).map(n -> n > 0);
    }

    public Uni<CsatAnswer> answerOf(UUID ticketId) {
        return CsatAnswer.findById(ticketId);
    }

    /**
     * Stores the rating; a second answer replaces the first (the customer changed their mind, the
     * latest answer counts). A rating sent on the channel has no comment and keeps an earlier one.
     *
     * @param comment null to keep the stored comment; blank clears it
     */
    public Uni<CsatAnswer> record(Ticket ticket, int rating, String comment, String channel, Instant now) {
        if (rating < 1 || rating > 5) {
            throw new IllegalArgumentException("a rating is 1 to 5, not " + rating);
        }
        return answerOf(ticket.id)
                .chain(existing -> {
                    CsatAnswer answer = existing != null ? existing : new CsatAnswer();
                    answer.ticketId = ticket.id;
                    answer.rating = rating;
                    if (comment != null) {
                        answer.comment = comment.isBlank() ? null : comment.strip();
                    }
                    answer.answeredAt = now;
                    answer.channel = channel;
                    ticket.updatedAt = now;
                    return (existing != null ? Uni.createFrom().item(answer) : answer.<CsatAnswer>persist())
                            .call(() -> outbox.add(TicketEvents.csatReceived(ticket, channel, !WEB.equals(channel), rating, now)));
                });
    }
}
