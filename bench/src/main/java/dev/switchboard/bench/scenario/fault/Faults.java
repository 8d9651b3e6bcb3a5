package dev.switchboard.bench.scenario.fault;

import dev.switchboard.bench.scenario.Fault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The faults by command-line name, and how a scenario spaces them over its load. */
public final class Faults {
    public static final List<String> NAMES =
            List.of("kill-routing", "kill-ticket-core", "kill-channel", "broker-restart", "db-restart", "poison");

    private Faults() {
    }

    public static Fault named(String name) {
        return switch (name) {
            case "kill-routing" -> KillService.routing();
            case "kill-ticket-core" -> KillService.ticketCore();
            case "kill-channel" -> KillService.channel();
            case "broker-restart" -> new BrokerRestart();
            case "db-restart" -> new DatabaseRestart();
            case "poison" -> new Poison();
            default -> throw new IllegalArgumentException("unknown fault " + name + " (" + String.join("|", NAMES) + ")");
        };
    }

    /** Every fault once, in the order of {@link #NAMES}. */
    public static List<Fault> all() {
        return NAMES.stream().map(Faults::named).toList();
    }

    /**
     * Fires the faults at even intervals inside the load, the first after one interval: the load is
     * under way before anything breaks and the last has time to recover before the load ends.
     */
    public static List<Fault.Scheduled> spacedOver(Duration load, List<Fault> faults) {
        List<Fault.Scheduled> scheduled = new ArrayList<>();
        Duration step = load.dividedBy(faults.size() + 1L);
        for (int i = 0; i < faults.size(); i++) {
            scheduled.add(new Fault.Scheduled(step.multipliedBy(i + 1L), faults.get(i)));
        }
        return scheduled;
    }
}
