package dev.medi.patient.service;

import dev.medi.patient.service.SearchCursor.Keyset;
import dev.medi.patient.access.AccessPolicy.Operation;
import dev.medi.patient.observation.Observation;
import dev.medi.patient.repository.EncounterRepository;
import dev.medi.patient.repository.ObservationRepository;
import dev.medi.patient.repository.PatientRepository;
import dev.medi.platform.defaults.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A patient's history: the items of every {@link HistorySource} (encounters, vital-sign sets, later notes) in one
 * list, newest first, keyset-paginated. Each source returns its next {@code limit + 1} items after the cursor; the
 * merge keeps the newest {@code limit}. Clinical data: {@code READ_CLINICAL} access, audited as
 * {@code patient.history} once per page.
 */
@ApplicationScoped
public class PatientHistoryService {

    /** Newest first; equal times by id as PostgreSQL orders uuids (unsigned bytes = their text). */
    static final Comparator<HistorySource.Item> NEWEST_FIRST = Comparator.comparing(HistorySource.Item::at)
            .thenComparing(item -> item.id().toString()).reversed();

    private final PatientRepository patients;
    private final PatientAccess access;
    private final Instance<HistorySource> sources;
    private final Clock clock = Clock.systemUTC();

    PatientHistoryService(PatientRepository patients, PatientAccess access, Instance<HistorySource> sources) {
        this.patients = patients;
        this.access = access;
        this.sources = sources;
    }

    public Uni<EncounterService.Page<HistorySource.Item>> page(Caller caller, UUID patientId, int limit, String after) {
        Instant now = clock.instant();
        String scope = "history:" + patientId;
        Keyset position = SearchCursor.keysetParameter("after", after, scope);
        // programmatic: a refusal is thrown after the audit record of the refused access committed (Guarded)
        return Panache.withTransaction(() -> patients.findById(patientId).map(PatientService::found)
                        .flatMap(patient -> access.check(caller, patient, Operation.READ_CLINICAL, PatientAudit.HISTORY, now))
                        .flatMap(guarded -> {
                            if (!guarded.isAllowed()) {
                                return Uni.createFrom().item(Guarded.<EncounterService.Page<HistorySource.Item>>refused(
                                        guarded.refusal()));
                            }
                            // one source after the other: a reactive session runs one statement at a time
                            Uni<List<HistorySource.Item>> merged = Uni.createFrom().item(new ArrayList<>());
                            for (HistorySource source : sources) {
                                merged = merged.flatMap(items -> source.page(patientId, position, limit + 1)
                                        .map(page -> {
                                            items.addAll(page);
                                            return items;
                                        }));
                            }
                            return merged.map(items -> {
                                List<HistorySource.Item> sorted = items.stream().sorted(NEWEST_FIRST).toList();
                                List<HistorySource.Item> pageItems = sorted.stream().limit(limit).toList();
                                HistorySource.Item last = pageItems.isEmpty() ? null : pageItems.get(pageItems.size() - 1);
                                String next = sorted.size() > limit
                                        ? SearchCursor.encode(new Keyset(last.at(), last.id(), last.kind()), scope) : null;
                                return Guarded.allowed(new EncounterService.Page<>(pageItems, next));
                            });
                        }))
                .map(Guarded::orThrow);
    }

    /** Encounters, at their start. */
    @ApplicationScoped
    static class Encounters implements HistorySource {

        private final EncounterRepository encounters;

        Encounters(EncounterRepository encounters) {
            this.encounters = encounters;
        }

        @Override
        public String kind() {
            return "encounter";
        }

        @Override
        public Uni<List<Item>> page(UUID patientId, Keyset after, int limit) {
            return encounters.ofPatient(patientId, null, null, null,
                            after == null ? null : new EncounterRepository.Position(after.at(), after.id()), limit)
                    .map(found -> found.stream()
                            .map(encounter -> new Item(kind(), encounter.id(), encounter.startedAt(), encounter)).toList());
        }
    }

    /** The vital signs measured together, as one item per set (id = set id), at their effective time. */
    @ApplicationScoped
    static class Vitals implements HistorySource {

        private final ObservationRepository observations;

        Vitals(ObservationRepository observations) {
            this.observations = observations;
        }

        @Override
        public String kind() {
            return "vitals";
        }

        @Override
        public Uni<List<Item>> page(UUID patientId, Keyset after, int limit) {
            return observations.setsOfPatient(patientId, after == null ? null
                            : new ObservationRepository.Position(after.at(), after.id()), limit)
                    .flatMap(sets -> observations.ofSets(sets.stream().map(ObservationRepository.SetPosition::setId).toList())
                            .map(rows -> {
                                Map<UUID, List<Observation>> bySet = rows.stream()
                                        .collect(Collectors.groupingBy(Observation::setId));
                                return sets.stream().map(set -> new Item(kind(), set.setId(), set.effectiveAt(),
                                        new VitalsSet(set.setId(), set.effectiveAt(), bySet.getOrDefault(set.setId(), List.of()))))
                                        .toList();
                            }));
        }
    }

    /** The observations recorded together. */
    public record VitalsSet(UUID setId, Instant effectiveAt, List<Observation> observations) {
    }
}
