package dev.medi.patient.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * A native SQL statement built from fragments, with its positional parameters numbered as they are added. The
 * placeholders are Hibernate's ordinal {@code ?n}, which Hibernate Reactive sends to PostgreSQL as {@code $n};
 * values are always bound, never written into the text. A value may be referenced more than once by reusing the
 * placeholder {@link #param} answered.
 *
 * <pre>{@code
 * NativeSql sql = new NativeSql().append("select id from patients where mrn = ").append(sql.param(mrn));
 * return sql.list(UUID.class);
 * }</pre>
 */
public final class NativeSql {

    private final StringBuilder text = new StringBuilder();
    private final List<Object> parameters = new ArrayList<>();

    /** Adds a parameter and answers its placeholder ({@code ?1}, {@code ?2}, ...), to write into a fragment. */
    public String param(Object value) {
        parameters.add(value);
        return "?" + parameters.size();
    }

    /** Appends text (fragments written with placeholders from {@link #param}, never with values). */
    public NativeSql append(String fragment) {
        text.append(fragment);
        return this;
    }

    /** Appends {@code fragment} and then {@code value} as a new parameter. */
    public NativeSql appendParam(String fragment, Object value) {
        return append(fragment).append(param(value));
    }

    public String text() {
        return text.toString();
    }

    public List<Object> parameters() {
        return Collections.unmodifiableList(new ArrayList<>(parameters)); // may hold nulls
    }

    /** Binds every parameter by its position (1-based), e.g. {@code query::setParameter}. */
    public void bind(BiConsumer<Integer, Object> binder) {
        for (int i = 0; i < parameters.size(); i++) {
            binder.accept(i + 1, parameters.get(i));
        }
    }

    /** Runs the statement in the current session: all rows, as {@code type} ({@code Object[]} for several columns). */
    public <R> Uni<List<R>> list(Class<R> type) {
        return Panache.getSession().flatMap(session -> query(session, type).getResultList());
    }

    /** Runs the statement in the current session: its one row. */
    public <R> Uni<R> single(Class<R> type) {
        return Panache.getSession().flatMap(session -> query(session, type).getSingleResult());
    }

    /** Runs the statement in the current session: its one row, or {@code null} without one. */
    public <R> Uni<R> singleOrNull(Class<R> type) {
        return Panache.getSession().flatMap(session -> query(session, type).getSingleResultOrNull());
    }

    private <R> Mutiny.SelectionQuery<R> query(Mutiny.Session session, Class<R> type) {
        Mutiny.SelectionQuery<R> query = session.createNativeQuery(text(), type);
        bind(query::setParameter);
        return query;
    }
}
