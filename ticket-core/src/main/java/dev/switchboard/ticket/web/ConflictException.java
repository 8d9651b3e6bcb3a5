package dev.switchboard.ticket.web;

/** The request is understood but the ticket's state refuses it; answered as a 409 problem. */
public class ConflictException extends RuntimeException {
    private final String type;

    /** @param type the problem type's last path segment, e.g. {@code transition-forbidden} */
    public ConflictException(String type, String detail) {
        super(detail);
        this.type = type;
    }

    public String type() {
        return type;
    }
}
