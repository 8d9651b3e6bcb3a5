package dev.switchboard.routing.contact.api;

import dev.switchboard.routing.auth.Roles;
import dev.switchboard.routing.contact.ContactConflictException;
import dev.switchboard.routing.contact.api.ContactApi.ContactInput;
import dev.switchboard.routing.contact.api.ContactApi.ContactView;
import dev.switchboard.routing.contact.api.ContactApi.ImportReport;
import dev.switchboard.routing.contact.api.ContactApi.MergeRequest;
import dev.switchboard.routing.contact.api.ContactApi.MergeView;
import dev.switchboard.routing.contact.api.ContactApi.Rejection;
import dev.switchboard.routing.contact.identity.Identities;
import dev.switchboard.routing.contact.identity.InvalidIdentityException;
import dev.switchboard.routing.contact.store.ContactMerges;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The built-in contact store: lookup, edit, CSV import, manual merges and their undo. */
@Path("/api/contacts")
@Produces(MediaType.APPLICATION_JSON)
public class ContactResource {
    private final ContactBook book;
    private final ContactMerges merges;
    private final Pool pool;
    private final Identities identities;

    public ContactResource(ContactBook book, ContactMerges merges, Pool pool, Identities identities) {
        this.book = book;
        this.merges = merges;
        this.pool = pool;
        this.identities = identities;
    }

    @GET
    @Operation(summary = "The contact known by an identity, e.g. ?identity=phone:+32470123456")
    public Uni<ContactView> lookup(@QueryParam("identity") String identity) {
        return book.findByIdentity(identity);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One contact with its identities and CRM fields")
    public Uni<ContactView> get(@PathParam("id") UUID id) {
        return book.find(id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a contact (CRM fields and identities)")
    public Uni<Response> create(ContactInput input) {
        return book.create(input)
                .map(created -> Response.status(201).entity(created).build());
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a contact's CRM fields and identities")
    public Uni<ContactView> update(@PathParam("id") UUID id, ContactInput input) {
        return book.update(id, input);
    }

    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @POST
    @Path("/import")
    @Consumes("text/csv")
    @Operation(summary = "Import contacts from CSV; answers what was created, updated and rejected, line by line")
    public Uni<ImportReport> importCsv(String csv) {
        List<CsvContacts.Line> lines = CsvContacts.read(csv, identities);
        List<Rejection> rejections = new ArrayList<>();
        int[] counts = new int[2];
        return Multi.createFrom().iterable(lines)
                .onItem().transformToUniAndConcatenate(line -> store(line, rejections, counts))
                .collect().last()
                .map(ignored -> new ImportReport(counts[0], counts[1], rejections.size(), List.copyOf(rejections)));
    }

    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @POST
    @Path("/merge")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Merge two contacts by hand (audited, can be undone)")
    public Uni<MergeView> merge(MergeRequest request) {
        if (request == null || request.survivorId() == null || request.absorbedId() == null || blank(request.mergedBy())) {
            throw new InvalidIdentityException("a merge needs survivorId, absorbedId and mergedBy");
        }
        String reason = blank(request.reason()) ? "merged by hand" : request.reason();
        return pool.withTransaction(c -> merges.merge(c, request.survivorId(), request.absorbedId(),
                        request.mergedBy(), reason, List.of()))
                .map(MergeView::of);
    }

    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @POST
    @Path("/merges/{id}/undo")
    @Operation(summary = "Undo a merge: both contacts and their identities come back")
    public Uni<MergeView> undo(@PathParam("id") UUID id, @QueryParam("by") String undoneBy) {
        String by = blank(undoneBy) ? "api" : undoneBy;
        return pool.withTransaction(c -> merges.undo(c, id, by))
                .map(MergeView::of);
    }

    /** One line, one transaction: a line that fails is reported and the import goes on. */
    private Uni<Void> store(CsvContacts.Line line, List<Rejection> rejections, int[] counts) {
        if (line.rejected()) {
            rejections.add(new Rejection(line.line(), line.rejection()));
            return Uni.createFrom().voidItem();
        }
        return book.upsert(line.fields(), line.identities())
                .invoke(outcome -> counts[outcome == ContactBook.Outcome.CREATED ? 0 : 1]++)
                .replaceWithVoid()
                .onFailure(ContactConflictException.class)
                .recoverWithItem(conflict -> {
                    rejections.add(new Rejection(line.line(), conflict.getMessage()));
                    return null;
                });
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
