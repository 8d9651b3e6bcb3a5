package dev.switchboard.bench.scenario.fault;

import dev.switchboard.bench.measure.Progress;
import dev.switchboard.bench.scenario.Fault;
import dev.switchboard.devkit.launcher.Stack;

/** Stops the embedded PostgreSQL and starts it on the same data directory and port. */
public record DatabaseRestart() implements Fault {

    @Override
    public String name() {
        return "db-restart";
    }

    @Override
    public String description() {
        return "PostgreSQL stopped and started again (same data directory, same port)";
    }

    @Override
    public void inject(Stack stack) {
        stack.restartDatabase();
    }

    /** Routing and ticket-core both write to it: both must move again. */
    @Override
    public boolean recovered(Progress.Snapshot since, Progress.Snapshot now) {
        return now.routing() > since.routing() && now.stored() > since.stored();
    }
}
