package dev.switchboard.ticket.csat;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One survey link sent with a solved notice. The token is the only key to it: random, 256 bits. */
@Entity
@Table(name = "csat_survey", schema = "ticket")
public class CsatSurvey extends PanacheEntityBase {

    @Id
    public String token;

    @Column(name = "ticket_id")
    public UUID ticketId;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "expires_at")
    public Instant expiresAt;

    public boolean expired(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
