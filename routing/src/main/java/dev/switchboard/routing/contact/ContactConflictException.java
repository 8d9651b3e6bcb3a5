package dev.switchboard.routing.contact;

/** A change that contradicts the store: an identity owned by another contact, an undo done twice. */
public class ContactConflictException extends RuntimeException {
    public ContactConflictException(String message) {
        super(message);
    }
}
