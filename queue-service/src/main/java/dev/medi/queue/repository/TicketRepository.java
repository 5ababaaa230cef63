package dev.medi.queue.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Ticket numbers per department and day, drawn by the database function {@code queue_next_ticket}
 * (R__queue_ticket.sql) that the check-in statement ({@link CheckInRepository}) calls too.
 */
@ApplicationScoped
public class TicketRepository {

    private static final String NEXT = "select queue_next_ticket(?1, ?2, ?3)";

    /**
     * Within the transaction of the change: the day's next ticket, e.g. {@code GEN-014}. The day's row stays
     * locked until commit, which orders concurrent check-ins and transfers into the department.
     */
    public Uni<String> next(UUID departmentId, LocalDate day, String departmentCode) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(NEXT, String.class)
                .setParameter(1, departmentId)
                .setParameter(2, day)
                .setParameter(3, departmentCode)
                .getSingleResult());
    }
}
