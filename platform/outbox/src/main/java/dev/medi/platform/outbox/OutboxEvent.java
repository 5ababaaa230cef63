package dev.medi.platform.outbox;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * One event waiting to be published. Written in the transaction of the change it describes; its
 * {@code id} becomes the CloudEvent id, which consumers use to drop duplicates.
 */
@Entity
@Table(name = "outbox")
public class OutboxEvent extends PanacheEntityBase {

    @Id
    public UUID id;

    public String topic;

    @Column(name = "partition_key")
    public String partitionKey;

    public String type;

    public String source;

    public String subject;

    /** Scope in which the database numbers the event at commit (a queue event's department), or null. */
    @Column(name = "sequence_scope")
    public UUID sequenceScope;

    /** CloudEvent data, JSON. */
    public String payload;

    @Column(name = "occurred_at")
    public Instant occurredAt;
}
