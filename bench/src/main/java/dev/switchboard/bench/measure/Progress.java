package dev.switchboard.bench.measure;

/**
 * How far each stage has got so far in a run, read live during the load: a fault's recovery is the
 * moment the stage it hit moves past where it stood.
 */
public final class Progress {
    /** Counts at one moment; {@code stored} is -1 while the database does not answer. */
    public record Snapshot(long acks, long intake, long routing, long stored) {
    }

    private final SendLog log;
    private final StageWatcher watcher;
    private final TicketStore tickets;

    public Progress(SendLog log, StageWatcher watcher, TicketStore tickets) {
        this.log = log;
        this.watcher = watcher;
        this.tickets = tickets;
    }

    public Snapshot now() {
        return new Snapshot(log.acks(), watcher.intakeRecords(), watcher.routingRecords(), storedOrUnknown());
    }

    private long storedOrUnknown() {
        try {
            return tickets.count();
        } catch (RuntimeException e) {
            return -1; // the database is restarting: nothing can be said yet
        }
    }
}
