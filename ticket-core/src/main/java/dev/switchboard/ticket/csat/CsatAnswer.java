package dev.switchboard.ticket.csat;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * The customer's rating of a ticket; one per ticket, the latest answer counts. Kept simple on
 * purpose: KPIs read this table directly.
 */
@Entity
@Table(name = "csat", schema = "ticket")
public class CsatAnswer extends PanacheEntityBase {

    @Id
    @Column(name = "ticket_id")
    public UUID ticketId;

    /** 1 (poor) to 5 (excellent). */
    public int rating;

    /** The customer's own words, stored as written; escaped wherever shown. */
    public String comment;

    @Column(name = "answered_at")
    public Instant answeredAt;

    /** A channel id when answered by a reply on the channel, {@code web} on the survey page. */
    public String channel;
}
