package dev.switchboard.bench.scenario.fault;

import dev.switchboard.bench.measure.Progress;
import dev.switchboard.bench.scenario.Fault;
import dev.switchboard.devkit.launcher.Stack;
import java.util.function.ToLongFunction;

/**
 * kill -9 of one service, then a fresh start of it (what a supervisor would do). Recovered when the
 * stage that service owns moves again: the channel acknowledges, routing decides, ticket-core stores.
 */
public record KillService(String service, String shortName, ToLongFunction<Progress.Snapshot> stage)
        implements Fault {

    public static KillService routing() {
        return new KillService("routing", "kill-routing", Progress.Snapshot::routing);
    }

    public static KillService ticketCore() {
        return new KillService("ticket-core", "kill-ticket-core", Progress.Snapshot::stored);
    }

    public static KillService channel() {
        return new KillService("channel-whatsapp", "kill-channel", Progress.Snapshot::acks);
    }

    @Override
    public String name() {
        return shortName;
    }

    @Override
    public String description() {
        return "kill -9 of " + service + ", then start it again";
    }

    @Override
    public void inject(Stack stack) {
        stack.crashAndRestart(service);
    }

    @Override
    public boolean recovered(Progress.Snapshot since, Progress.Snapshot now) {
        return stage.applyAsLong(now) > stage.applyAsLong(since);
    }
}
