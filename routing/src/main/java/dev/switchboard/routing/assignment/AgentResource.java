package dev.switchboard.routing.assignment;

import dev.switchboard.contract.Channel;
import dev.switchboard.routing.auth.Roles;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Agents: who they are, what they handle, when they work, and whether they take work now. */
@Path("/api/agents")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AgentResource {

    /** An agent with the conversations they hold per channel. */
    public record AgentView(AgentDocument agent, Map<String, Integer> load) {
    }

    /** The body of a presence change. */
    public record PresenceChange(String presence) {
    }

    private final AgentDirectory directory;
    private final AssignmentRepository repository;
    private final QueueDrainer drainer;
    private final CurrentIdentityAssociation identities;

    public AgentResource(AgentDirectory directory, AssignmentRepository repository, QueueDrainer drainer,
                         CurrentIdentityAssociation identities) {
        this.identities = identities;
        this.directory = directory;
        this.repository = repository;
        this.drainer = drainer;
    }

    @GET
    @Operation(summary = "Every agent with their current load")
    public List<AgentView> list() {
        return directory.all().stream().map(this::view).toList();
    }

    @GET
    @Path("/{id}")
    public AgentView get(@PathParam("id") String id) {
        return view(directory.find(id).orElseThrow(() -> new NotFoundException("no agent " + id)));
    }

    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @PUT
    @Path("/{id}")
    @Operation(summary = "Creates or replaces an agent (skills, products, languages, capacity, schedule)")
    public Uni<AgentView> put(@PathParam("id") String id, AgentDocument document) {
        if (document == null) {
            throw new BadRequestException("an agent document is required");
        }
        Agent agent = valid(new AgentDocument(id, document.name(), document.team(), document.tier(),
                document.presence(), document.skills(), document.products(), document.languages(),
                document.capacity(), document.schedule()));
        return repository.saveAgent(agent)
                .invoke(() -> directory.put(agent))
                .invoke(drainer::trigger)
                .map(ignored -> view(agent));
    }

    @PUT
    @Path("/{id}/presence")
    @Operation(summary = "Online, away or offline; going online takes queued work at once")
    public Uni<AgentView> presence(@PathParam("id") String id, PresenceChange change) {
        return identities.getDeferredIdentity()
                .invoke(identity -> ownPresenceUnlessLead(identity, id))
                .chain(identity -> repository.savePresence(id, presenceOf(change)))
                // Only the presence is written: what another instance changed on the agent a moment ago stays.
                .map(stored -> stored.orElseThrow(() -> new NotFoundException("no agent " + id)))
                .invoke(directory::put)
                .invoke(drainer::trigger)
                .map(this::view);
    }

    private static Agent.Presence presenceOf(PresenceChange change) {
        String presence = change == null ? null : change.presence();
        try {
            return Agent.Presence.valueOf(String.valueOf(presence).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("presence must be online, away or offline");
        }
    }

    /** An agent goes online or away themselves; setting someone else's presence is for their leads. */
    private static void ownPresenceUnlessLead(SecurityIdentity identity, String agentId) {
        boolean lead = identity.hasRole(Roles.SUPERVISOR) || identity.hasRole(Roles.ADMIN);
        if (!lead && !identity.getPrincipal().getName().equals(agentId)) {
            throw new ForbiddenException("an agent sets their own presence only");
        }
    }

    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @DELETE
    @Path("/{id}")
    public Uni<Response> delete(@PathParam("id") String id) {
        return repository.deleteAgent(id)
                .invoke(deleted -> directory.remove(id))
                .map(deleted -> deleted ? Response.noContent().build() : Response.status(404).build());
    }

    private AgentView view(Agent agent) {
        Map<String, Integer> load = new LinkedHashMap<>();
        for (Channel channel : agent.capacity().keySet()) {
            load.put(channel.id(), directory.active(agent.id(), channel));
        }
        return new AgentView(AgentDocument.of(agent), load);
    }

    private static Agent valid(AgentDocument document) {
        try {
            return document.toAgent();
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
    }
}
