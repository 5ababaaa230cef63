package dev.medi.patient.repository;

import dev.medi.patient.record.Identifier;
import dev.medi.patient.record.Patient;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class PatientRepository implements PanacheRepositoryBase<Patient, UUID> {

    /** Namespace of the advisory locks taken per birth date ("pati"). */
    private static final int BIRTH_DATE_LOCK_CLASS = 0x70617469;

    /** A likely duplicate of a registration: which rule matched. */
    public record DuplicateMatch(UUID id, boolean sameBirthDateAndSimilarName, boolean samePhone) {
    }

    /** An identifier already held by another active patient. */
    public record IdentifierClash(String system, String value) {
    }

    /** The next medical record number's sequence part. */
    public Uni<Long> nextMrnSequence() {
        return getSession().flatMap(session -> session.createNativeQuery("select nextval('patient_mrn_seq')", Long.class)
                .getSingleResult());
    }

    /**
     * Serialises registrations of people born on the same day until the end of the transaction, so two desks
     * registering the same person at once cannot both miss the other's record in the duplicate check.
     */
    public Uni<Void> lockBirthDate(LocalDate birthDate) {
        return getSession().flatMap(session -> session.createNativeQuery(
                        "select 1 from (select pg_advisory_xact_lock(?1, ?2)) locked", Integer.class)
                .setParameter(1, BIRTH_DATE_LOCK_CLASS)
                .setParameter(2, (int) birthDate.toEpochDay())
                .getSingleResult()).replaceWithVoid();
    }

    /**
     * Active records that are likely the same person: same birth date and a full name of at least
     * {@code nameSimilarity} trigram similarity (after the same normalisation as the search), or the same
     * normalised phone number. Most similar first.
     */
    public Uni<List<DuplicateMatch>> duplicateCandidates(LocalDate birthDate, String nameText, String phoneNormalised,
                                                         double nameSimilarity, int limit) {
        boolean withPhone = phoneNormalised != null;
        String sql = """
                select p.id,
                       (p.birth_date = ?1 and similarity(p.search_name, patient_normalise(?2)) >= ?3) as by_name,
                       %s as by_phone
                  from patients p
                 where p.status = 'active'
                   and ((p.birth_date = ?1 and similarity(p.search_name, patient_normalise(?2)) >= ?3)%s)
                 order by similarity(p.search_name, patient_normalise(?2)) desc, p.id
                 limit ?4""".formatted(withPhone ? "p.phone_normalised = ?5" : "false",
                withPhone ? " or p.phone_normalised = ?5" : "");
        return getSession().flatMap(session -> {
            var query = session.createNativeQuery(sql, Object[].class)
                    .setParameter(1, birthDate)
                    .setParameter(2, nameText)
                    .setParameter(3, nameSimilarity)
                    .setParameter(4, limit);
            if (withPhone) {
                query.setParameter(5, phoneNormalised);
            }
            return query.getResultList();
        }).map(rows -> rows.stream()
                .map(row -> new DuplicateMatch((UUID) row[0], Boolean.TRUE.equals(row[1]), Boolean.TRUE.equals(row[2])))
                .toList());
    }

    /** Which of {@code identifiers} are held by an active patient other than {@code except} (may be null). */
    public Uni<List<IdentifierClash>> identifierClashes(Collection<Identifier> identifiers, UUID except) {
        if (identifiers.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        NativeSql sql = new NativeSql().append("select system, value from patient_identifiers where (system, value) in (");
        String separator = "";
        for (Identifier identifier : identifiers) {
            sql.append(separator + "(" + sql.param(identifier.system()) + ", " + sql.param(identifier.value()) + ")");
            separator = ", ";
        }
        sql.append(")");
        if (except != null) {
            sql.appendParam(" and patient_id <> ", except);
        }
        return sql.list(Object[].class).map(rows -> rows.stream().map(row -> new IdentifierClash((String) row[0], (String) row[1])).toList());
    }

    /** The records with these ids, in no particular order. */
    public Uni<List<Patient>> byIds(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("id in ?1", List.copyOf(ids));
    }
}
