package dev.switchboard.ticket.csat;

import dev.switchboard.ticket.outbox.OutboxRelay;
import dev.switchboard.ticket.tickets.Ticket;
import dev.switchboard.ticket.tickets.TicketRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The customers' survey page, outside {@code /api} because customers have no account: the
 * random token in the link is the only key. Plain HTML form, no JavaScript; everything the
 * customer wrote is escaped by the template. A second answer replaces the first until the link
 * expires (404 unknown link, 410 expired, 400 invalid answer).
 */
@Path("/csat/{token}")
@Produces(MediaType.TEXT_HTML)
public class CsatPage {
    static final List<Integer> RATINGS = List.of(1, 2, 3, 4, 5);

    // Field injection: the field name picks templates/csat.html.
    @Inject
    Template csat;

    @Inject
    Surveys surveys;

    @Inject
    TicketRepository tickets;

    @Inject
    OutboxRelay relay;

    @Inject
    CsatConfig config;

    @GET
    @WithSession
    public Uni<RestResponse<String>> show(@RestPath String token) {
        return surveys.byToken(token)
                .chain(survey -> {
                    RestResponse<String> gone = gone(survey, Instant.now());
                    if (gone != null) {
                        return Uni.createFrom().item(gone);
                    }
                    return tickets.findById(survey.ticketId)
                            .chain(ticket -> surveys.answerOf(ticket.id)
                                    .map(answer -> page(Response.Status.OK, form(token, ticket, survey), answer, null)));
                });
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<RestResponse<String>> answer(@RestPath String token, @RestForm String rating, @RestForm String comment) {
        Instant now = Instant.now();
        return Panache.withTransaction(() -> surveys.byToken(token)
                        .chain(survey -> {
                            RestResponse<String> gone = gone(survey, now);
                            if (gone != null) {
                                return Uni.createFrom().item(gone);
                            }
                            return tickets.findById(survey.ticketId)
                                    .chain(ticket -> {
                                        String error = invalid(rating, comment);
                                        if (error != null) {
                                            return surveys.answerOf(ticket.id).map(answer ->
                                                    page(Response.Status.BAD_REQUEST, form(token, ticket, survey), answer, error));
                                        }
                                        return surveys.record(ticket, Integer.parseInt(rating.strip()),
                                                        comment == null ? "" : comment, Surveys.WEB, now)
                                                .map(answer -> page(Response.Status.OK, form(token, ticket, survey)
                                                        .data("thanks", true), answer, null));
                                    });
                        }))
                .invoke(relay::trigger);
    }

    /** Null when the answer is fine; else what to tell the customer. */
    private String invalid(String rating, String comment) {
        int value;
        try {
            value = rating == null ? 0 : Integer.parseInt(rating.strip());
        } catch (NumberFormatException e) {
            value = 0;
        }
        if (value < 1 || value > 5) {
            return "Please choose a rating from 1 to 5.";
        }
        if (comment != null && comment.length() > config.commentMaxLength()) {
            return "Please keep the comment under " + config.commentMaxLength() + " characters.";
        }
        return null;
    }

    private RestResponse<String> gone(CsatSurvey survey, Instant now) {
        if (survey == null) {
            return RestResponse.ResponseBuilder.create(Response.Status.NOT_FOUND,
                    csat.data("gone", "This survey link is not valid.").render()).type(MediaType.TEXT_HTML_TYPE).build();
        }
        if (survey.expired(now)) {
            return RestResponse.ResponseBuilder.create(Response.Status.GONE,
                    csat.data("gone", "This survey has expired. Thank you all the same!").render())
                    .type(MediaType.TEXT_HTML_TYPE).build();
        }
        return null;
    }

    private TemplateInstance form(String token, Ticket ticket, CsatSurvey survey) {
        // Strict rendering: every key the template reads is set, null where there is nothing.
        return csat.data("gone", null)
                .data("thanks", false)
                .data("token", token)
                .data("number", ticket.number)
                .data("subject", ticket.subject)
                .data("ratings", RATINGS)
                .data("maxLength", config.commentMaxLength())
                .data("expires", survey.expiresAt.toString());
    }

    private static RestResponse<String> page(Response.Status status, TemplateInstance page, CsatAnswer answer, String error) {
        String html = page.data("rating", answer == null ? null : answer.rating)
                .data("comment", answer == null ? null : answer.comment)
                .data("error", error)
                .render();
        return RestResponse.ResponseBuilder.create(status, html).type(MediaType.TEXT_HTML_TYPE).build();
    }
}
