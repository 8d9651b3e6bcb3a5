package dev.switchboard.bench.scenario.fault;

import dev.switchboard.bench.measure.Progress;
import dev.switchboard.bench.scenario.Fault;
import dev.switchboard.devkit.launcher.Stack;

/** Stops the Kafka broker (SIGTERM) and starts it on the same data; every stage depends on it. */
public record BrokerRestart() implements Fault {

    @Override
    public String name() {
        return "broker-restart";
    }

    @Override
    public String description() {
        return "Kafka broker stopped and started again (same data, same port)";
    }

    @Override
    public void inject(Stack stack) {
        stack.restartBroker();
    }

    /** The whole pipeline moves: new decisions and new stored rows. */
    @Override
    public boolean recovered(Progress.Snapshot since, Progress.Snapshot now) {
        return now.routing() > since.routing() && now.stored() > since.stored();
    }
}
