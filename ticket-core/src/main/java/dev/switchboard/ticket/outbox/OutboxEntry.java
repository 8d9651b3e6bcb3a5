package dev.switchboard.ticket.outbox;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One event waiting to be published, written in the transaction of the change it announces. */
@Entity
@Table(name = "outbox", schema = "ticket")
public class OutboxEntry extends PanacheEntityBase {

    /** Which contract type the payload is, so the relay reads it back as that type. */
    public enum Kind { TICKET_EVENT, OUTBOUND_MESSAGE }

    /** Publication order. */
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;

    @Column(name = "event_id")
    public UUID eventId;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    public String topic;

    @Column(name = "record_key")
    public String recordKey;

    /** The event as the contract's JSON. */
    public String payload;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "sent_at")
    public Instant sentAt;
}
