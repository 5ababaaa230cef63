package dev.medi.queue.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.UUID;

/** Ticket numbers per department and day (see V2 migration). */
@ApplicationScoped
public class TicketRepository {

    private static final String NEXT = """
            insert into department_days (department_id, day, last_ticket) values (?1, ?2, 1)
            on conflict (department_id, day) do update set last_ticket = department_days.last_ticket + 1
            returning last_ticket""";

    /** Within the transaction of the check-in: the day's next number; the row lock orders concurrent check-ins. */
    public Uni<Integer> next(UUID departmentId, LocalDate day) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(NEXT, Integer.class)
                .setParameter(1, departmentId)
                .setParameter(2, day)
                .getSingleResult());
    }
}
