package dev.switchboard.ticket.web;

/** A request the API cannot make sense of; answered as a 400 problem. */
public class BadRequestException extends RuntimeException {
    public BadRequestException(String detail) {
        super(detail);
    }
}
