package dev.switchboard.ticket.notices;

import io.smallrye.config.ConfigMapping;

/** {@code switchboard.notices.*}: which notices go out and their texts, see application.properties. */
@ConfigMapping(prefix = "switchboard.notices")
public interface NoticeConfig {

    /** The name the notices show as sender in the conversation. */
    String senderName();

    /** Dates are formatted in this language when the customer's is unknown (BCP 47). */
    String defaultLanguage();

    /** When a ticket is created: ticket number and the expected first response. */
    Notice acknowledgement();

    /** When a ticket is escalated to tier 2 or 3: the expected resolution. */
    Notice escalation();

    /** When a ticket is solved: the satisfaction survey (reply 1-5, or the survey page). */
    Notice solved();

    interface Notice {
        boolean enabled();

        /** Plain text; {@code {name}} placeholders, see {@link NoticeText}. */
        String text();
    }
}
