package dev.switchboard.routing.contact.identity;

/** An email, phone or channel id that cannot identify anybody; the message says why. */
public class InvalidIdentityException extends IllegalArgumentException {
    public InvalidIdentityException(String message) {
        super(message);
    }
}
