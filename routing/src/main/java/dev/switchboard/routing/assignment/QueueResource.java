package dev.switchboard.routing.assignment;

import dev.switchboard.contract.Priority;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** What waits for an agent: per queue (the required skill), how much, how urgent and how old. */
@Path("/api/queues")
@Produces(MediaType.APPLICATION_JSON)
public class QueueResource {

    /** One queue at a glance. */
    public record QueueSummary(String queue, int waiting, Map<Priority, Integer> byPriority, Instant oldestSince,
                               long oldestWaitSeconds) {
    }

    /** One waiting conversation, in the order it will be offered. */
    public record Waiting(String conversationKey, String messageId, String channel, Priority priority, String skill,
                          int minSkillLevel, int tier, Instant receivedAt, List<String> declinedBy) {
    }

    private final AssignmentRepository repository;

    public QueueResource(AssignmentRepository repository) {
        this.repository = repository;
    }

    @GET
    @Operation(summary = "Every queue with its size, priorities and oldest waiting conversation")
    public Uni<List<QueueSummary>> queues() {
        return repository.queued().map(items -> {
            Instant now = Instant.now();
            Map<String, List<WorkItem>> byQueue = new LinkedHashMap<>();
            items.stream().sorted(WorkItem.URGENCY)
                    .forEach(w -> byQueue.computeIfAbsent(queueOf(w), q -> new ArrayList<>()).add(w));
            List<QueueSummary> summaries = new ArrayList<>();
            byQueue.forEach((queue, work) -> {
                Map<Priority, Integer> counts = new EnumMap<>(Priority.class);
                work.forEach(w -> counts.merge(w.priority(), 1, Integer::sum));
                Instant oldest = work.stream().map(WorkItem::receivedAt).min(Instant::compareTo).orElse(now);
                summaries.add(new QueueSummary(queue, work.size(), counts, oldest,
                        Duration.between(oldest, now).toSeconds()));
            });
            return summaries;
        });
    }

    @GET
    @Path("/{queue}")
    @Operation(summary = "The conversations waiting in one queue, most urgent first")
    public Uni<List<Waiting>> queue(@PathParam("queue") String queue) {
        return repository.queued().map(items -> items.stream()
                .filter(w -> queueOf(w).equals(queue))
                .sorted(WorkItem.URGENCY)
                .map(w -> new Waiting(w.conversationKey(), w.messageId().toString(), w.channel().id(), w.priority(),
                        w.skill(), w.minSkillLevel(), w.tier(), w.receivedAt(), List.copyOf(w.declinedBy())))
                .toList());
    }

    /** A queue is named by the skill its work needs. */
    public static String queueOf(WorkItem work) {
        return work.skill() == null ? "general" : work.skill();
    }
}
