package dev.switchboard.bench.measure;

import java.util.List;

/** The stages a message passes, each timed from the moment its first webhook was sent. */
public record Stages(Stage ack, Stage intake, Stage routed, Stage stored) {

    public static Stages of(SendLog log) {
        return new Stages(log.ackStage(), new Stage("on intake.messages.v1"),
                new Stage("routing decision on routing.assignments.v1"), new Stage("stored in ticket-core"));
    }

    public List<Stage> all() {
        return List.of(ack, intake, routed, stored);
    }
}
