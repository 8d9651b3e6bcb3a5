package dev.switchboard.ticket.api;

import java.net.URI;

/** RFC 9457 problem details, served as {@code application/problem+json}. */
public record Problem(URI type, String title, int status, String detail) {
    public static final String MEDIA_TYPE = "application/problem+json";
}
