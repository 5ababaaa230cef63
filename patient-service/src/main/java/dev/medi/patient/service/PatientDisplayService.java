package dev.medi.patient.service;

import dev.medi.patient.record.Patient;
import dev.medi.patient.repository.AccessScope;
import dev.medi.patient.repository.PatientRepository;
import dev.medi.patient.repository.QueueEntryPatientRepository;
import dev.medi.patient.repository.QueueEntryPatientRepository.EntryPatient;
import dev.medi.platform.defaults.security.Caller;
import dev.medi.platform.defaults.security.Roles;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Who the queue entries on a screen are: for each entry with a registered patient the caller may see, the patient's
 * display data. Visible means what a search by the same caller would return ({@link PatientAccess#searchScope}: front
 * desk and admins every active patient, clinical staff their patients, ADR 0006), and, for everyone but admins, an
 * entry of one of the caller's own departments: an entry id from another department's queue tells nothing. What the
 * caller may not see, or an entry without a patient, is left out without a trace (no existence leak). Audited like a
 * search: one {@code patient.display} record per patient shown, with the basis, in the transaction that read them.
 */
@ApplicationScoped
public class PatientDisplayService {

    /** A queue entry and its patient. */
    public record EntryPatient(UUID queueEntryId, Patient patient) {
    }

    private final QueueEntryPatientRepository entries;
    private final PatientRepository patients;
    private final PatientAccess access;
    private final PatientAudit audit;
    private final Clock clock = Clock.systemUTC();

    PatientDisplayService(QueueEntryPatientRepository entries, PatientRepository patients, PatientAccess access,
                          PatientAudit audit) {
        this.entries = entries;
        this.patients = patients;
        this.access = access;
        this.audit = audit;
    }

    /** The visible entries among {@code queueEntryIds}, in the order asked (each once). */
    @WithTransaction
    public Uni<List<EntryPatient>> display(Caller caller, List<UUID> queueEntryIds) {
        Instant now = clock.instant();
        AccessScope scope = access.searchScope(caller, now);
        List<UUID> asked = List.copyOf(new LinkedHashSet<>(queueEntryIds));
        return entries.visible(asked, caller.hasRole(Roles.ADMIN) ? null : caller.departments(), scope)
                .flatMap(found -> {
                    Map<UUID, QueueEntryPatientRepository.EntryPatient> byEntry = found.stream()
                            .collect(Collectors.toMap(QueueEntryPatientRepository.EntryPatient::entryId, Function.identity()));
                    return patients.byIds(found.stream().map(QueueEntryPatientRepository.EntryPatient::patientId).distinct().toList())
                            .flatMap(loaded -> {
                                Map<UUID, Patient> byId = loaded.stream().collect(Collectors.toMap(Patient::id, Function.identity()));
                                List<EntryPatient> shown = asked.stream().map(byEntry::get)
                                        .filter(entry -> entry != null && byId.containsKey(entry.patientId()))
                                        .map(entry -> new EntryPatient(entry.entryId(), byId.get(entry.patientId())))
                                        .toList();
                                // one record per patient shown, however many of their entries were asked
                                Map<UUID, String> basisByPatient = new LinkedHashMap<>();
                                shown.forEach(entry -> basisByPatient.putIfAbsent(entry.patient().id(),
                                        byEntry.get(entry.queueEntryId()).basis()));
                                List<PatientAudit.Accessed> disclosed = basisByPatient.entrySet().stream()
                                        .map(patient -> new PatientAudit.Accessed(patient.getKey(), patient.getValue())).toList();
                                return audit.recordAll(caller, PatientAudit.DISPLAY, disclosed, PatientAudit.SUCCESS)
                                        .replaceWith(shown);
                            });
                });
    }
}
