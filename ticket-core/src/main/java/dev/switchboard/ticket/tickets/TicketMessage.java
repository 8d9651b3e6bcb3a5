package dev.switchboard.ticket.tickets;

import dev.switchboard.contract.Channel;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A message on a ticket. The id is the contract's deterministic message id, so storing the
 * same message twice is impossible (primary key).
 */
@Entity
@Table(name = "message", schema = "ticket")
public class TicketMessage extends PanacheEntityBase {

    /** INTERNAL is an agent's note: shown to agents, never sent. */
    public enum Direction { INBOUND, OUTBOUND, INTERNAL }

    /** Where an outbound message is on its way to the customer. */
    public enum Delivery { QUEUED, SENT, DELIVERED, READ, FAILED }

    @Id
    public UUID id;

    // A plain column rather than a relation: the ticket is looked up by id when needed.
    @Column(name = "ticket_id")
    public UUID ticketId;

    @Enumerated(EnumType.STRING)
    public Direction direction;

    @Enumerated(EnumType.STRING)
    public Channel channel;

    @Column(name = "provider_message_id")
    public String providerMessageId;

    @Column(name = "sender_name")
    public String senderName;

    public String text;

    public String html;

    @Column(name = "sent_at")
    public Instant sentAt;

    @Column(name = "received_at")
    public Instant receivedAt;

    /** The message this one duplicates (routing linked it across channels); null otherwise. */
    @Column(name = "duplicate_of")
    public UUID duplicateOf;

    public Double similarity;

    @Column(name = "stored_at")
    public Instant storedAt;

    /** The agent who wrote a reply or note. */
    public String author;

    /** Who an outbound message goes to. */
    public String recipient;

    @Enumerated(EnumType.STRING)
    @Column(name = "delivery_status")
    public Delivery deliveryStatus;

    @Column(name = "delivery_error")
    public String deliveryError;

    @Column(name = "delivery_updated_at")
    public Instant deliveryUpdatedAt;

    /** A notice Switchboard sent by itself (acknowledgement, escalation, survey), not an agent's reply. */
    public boolean automatic;
}
