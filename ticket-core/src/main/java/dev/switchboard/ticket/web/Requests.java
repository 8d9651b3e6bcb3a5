package dev.switchboard.ticket.web;

import java.util.UUID;

/** Parsing of path ids and the {@code If-Match} version, with 400 answers instead of bare 404s. */
public final class Requests {

    private Requests() {
    }

    public static UUID ticketId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("ticket id must be a UUID, got '" + id + "'");
        }
    }

    /** {@code If-Match: "7"} (or {@code 7}, or a weak {@code W/"7"}) is version 7; absent means no check. */
    public static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String bare = ifMatch.strip().replaceFirst("^W/", "").replace("\"", "");
        try {
            return Long.parseLong(bare);
        } catch (NumberFormatException e) {
            throw new BadRequestException("If-Match must carry the ticket version, got '" + ifMatch + "'");
        }
    }

    public static <T> T body(T body) {
        if (body == null) {
            throw new BadRequestException("a JSON body is required");
        }
        return body;
    }
}
