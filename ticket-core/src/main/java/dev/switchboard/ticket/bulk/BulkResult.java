package dev.switchboard.ticket.bulk;

import java.util.List;

/** What a bulk action did, ticket by ticket, in the order asked. */
public record BulkResult(String action, int succeeded, int failed, List<Item> results) {

    /**
     * @param status  the HTTP status the single command would have answered: 200, 400, 404 or 409
     * @param version the ticket's new version when it changed
     * @param problem the problem type (e.g. {@code transition-forbidden}) when it did not
     */
    public record Item(String id, int status, Long version, String problem, String detail) {

        boolean ok() {
            return status == 200;
        }
    }
}
