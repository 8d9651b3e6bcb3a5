package dev.switchboard.bench.scenario.fault;

import dev.switchboard.bench.measure.Progress;
import dev.switchboard.bench.scenario.Fault;
import dev.switchboard.contract.Topics;
import dev.switchboard.devkit.launcher.Stack;
import java.util.List;
import java.util.UUID;

/**
 * A non-JSON record on intake.messages.v1 (read by routing) and one on routing.assignments.v1
 * (read by ticket-core). Recovered when both are on their dead-letter queues, both groups
 * committed past them and decisions and stored rows keep coming.
 */
public final class Poison implements Fault {
    private volatile List<PoisonRecord> records = List.of();

    @Override
    public String name() {
        return "poison";
    }

    @Override
    public String description() {
        return "a non-JSON record on " + Topics.INTAKE_MESSAGES + " and one on " + Topics.ROUTING_ASSIGNMENTS;
    }

    @Override
    public void inject(Stack stack) {
        String bootstrap = stack.endpoints().kafkaBootstrapServers();
        String key = "bench-poison-" + UUID.randomUUID();
        List<PoisonRecord> poison = List.of(
                new PoisonRecord(bootstrap, Topics.INTAKE_MESSAGES, Topics.deadLetter(Topics.INTAKE_MESSAGES),
                        "routing", key),
                new PoisonRecord(bootstrap, Topics.ROUTING_ASSIGNMENTS,
                        Topics.deadLetter(Topics.ROUTING_ASSIGNMENTS), "ticket-core", key));
        poison.forEach(PoisonRecord::publish);
        records = poison;
    }

    @Override
    public boolean recovered(Progress.Snapshot since, Progress.Snapshot now) {
        return deadLettered() && records.stream().allMatch(PoisonRecord::passed)
                && now.routing() > since.routing() && now.stored() > since.stored();
    }

    /** Both poison records are on their dead-letter topics. */
    public boolean deadLettered() {
        return !records.isEmpty() && records.stream().allMatch(PoisonRecord::deadLettered);
    }

    @Override
    public String detail() {
        return String.join("; ", records.stream().map(PoisonRecord::describe).toList());
    }
}
