package dev.switchboard.ticket.csat;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

/** {@code switchboard.csat.*}: the survey link, how long it lives, the comment limit. */
@ConfigMapping(prefix = "switchboard.csat")
public interface CsatConfig {

    /** Where customers reach this service's public pages; the link is {@code <public-url>/csat/<token>}. */
    String publicUrl();

    /** How long a survey can be answered (page and channel reply) after the solve. */
    Duration validFor();

    /** Longer comments are refused (400), not cut. */
    int commentMaxLength();
}
