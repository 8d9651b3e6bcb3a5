package dev.switchboard.routing.classify;

import dev.switchboard.contract.Channel;
import dev.switchboard.contract.MessageIds;
import dev.switchboard.contract.intake.InboundMessage;
import dev.switchboard.contract.intake.Sender;
import dev.switchboard.contract.routing.ContactContext;
import dev.switchboard.routing.auth.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Classification rules for admins: changes apply to the next message, no redeploy. */
@Path("/api/rules")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RuleResource {

    /**
     * A sample message to classify without storing anything. {@code rules}, when given, are used
     * instead of the stored ones, so that a rule can be tried before it is saved.
     */
    public record TestRequest(String channel, String inbox, String subject, String text, String language,
                              String plan, List<Rule> rules) {
    }

    private final RuleRepository repository;
    private final Classifier classifier;

    public RuleResource(RuleRepository repository, Classifier classifier) {
        this.repository = repository;
        this.classifier = classifier;
    }

    @GET
    @Operation(summary = "All rules in the order they run")
    public Uni<List<Rule>> list() {
        return repository.list();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One rule")
    public Uni<Rule> get(@PathParam("id") UUID id) {
        return repository.find(id)
                .map(found -> found.orElseThrow(() -> notFound(id)));
    }

    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @POST
    @Operation(summary = "Add a rule; 400 with the problems when it is not valid")
    public Uni<Response> create(Rule rule) {
        Rule valid = RuleValidator.requireValid(present(rule));
        return repository.create(valid)
                .call(classifier::reload)
                .map(stored -> Response.created(URI.create("/api/rules/" + stored.id())).entity(stored).build());
    }

    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @PUT
    @Path("/{id}")
    @Operation(summary = "Replace a rule")
    public Uni<Rule> update(@PathParam("id") UUID id, Rule rule) {
        Rule valid = RuleValidator.requireValid(present(rule).withId(id));
        return repository.update(valid)
                .map(updated -> updated.orElseThrow(() -> notFound(id)))
                .call(classifier::reload);
    }

    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @DELETE
    @Path("/{id}")
    @Operation(summary = "Remove a rule")
    public Uni<Response> delete(@PathParam("id") UUID id) {
        return repository.delete(id)
                .map(deleted -> {
                    if (!deleted) {
                        throw notFound(id);
                    }
                    return Response.noContent().build();
                })
                .call(classifier::reload);
    }

    @POST
    @Path("/test")
    @Operation(summary = "Classify a sample message with the stored rules (or the given ones); stores nothing")
    public Uni<ClassificationResult> test(TestRequest request) {
        if (request == null || (Rule.blank(request.subject()) && Rule.blank(request.text()))) {
            throw new InvalidRuleException(List.of("a sample needs a subject or a text"));
        }
        InboundMessage sample = sampleOf(request);
        ContactContext contact = new ContactContext(null, null, null, request.plan(), null, null, null, null,
                List.of(), 0, null);
        if (request.rules() != null) {
            request.rules().forEach(RuleValidator::requireValid);
            return Uni.createFrom().item(classifier.classifyWith(sample, contact, request.rules()));
        }
        return classifier.classify(sample, contact);
    }

    private static InboundMessage sampleOf(TestRequest request) {
        Channel channel;
        try {
            channel = request.channel() == null ? Channel.EMAIL : Channel.fromId(request.channel());
        } catch (IllegalArgumentException e) {
            throw new InvalidRuleException(List.of("unknown channel '" + request.channel() + "'"));
        }
        String providerId = "rule-test:" + UUID.randomUUID();
        return new InboundMessage(MessageIds.inbound(channel, providerId), channel, request.inbox(), providerId,
                "rule-test", null, Instant.now(), new Sender(null, null, null, null, null), request.subject(),
                request.text(), null, List.of(), List.of(), false, request.language(), null);
    }

    private static Rule present(Rule rule) {
        if (rule == null) {
            throw new InvalidRuleException(List.of("a rule is required in the body"));
        }
        return rule;
    }

    private static NotFoundException notFound(UUID id) {
        return new NotFoundException("no rule " + id);
    }
}
