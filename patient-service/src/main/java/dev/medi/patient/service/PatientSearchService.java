package dev.medi.patient.service;

import dev.medi.patient.record.MedicalRecordNumber;
import dev.medi.patient.record.Patient;
import dev.medi.patient.record.PhoneNumbers;
import dev.medi.patient.config.PatientConfig;
import dev.medi.patient.repository.AccessScope;
import dev.medi.patient.repository.PatientRepository;
import dev.medi.patient.repository.PatientSearchRepository;
import dev.medi.patient.repository.PatientSearchRepository.Hit;
import dev.medi.patient.repository.PatientSearchRepository.Position;
import dev.medi.platform.defaults.Problem;
import dev.medi.platform.defaults.ProblemException;
import dev.medi.platform.defaults.ProblemType;
import dev.medi.platform.defaults.security.Caller;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Front-desk search: name fragments (accent-, case- and typo-tolerant), MRN, birth date, phone; ranked,
 * paginated by keyset, limited to what the caller may see, and every patient returned audited
 * ({@code patient.search}).
 */
@ApplicationScoped
public class PatientSearchService {

    /** The criteria as received; all given ones must hold. */
    public record Criteria(String query, LocalDate birthDate, String phone, String mrn) {
    }

    /** A patient found, its tier (0: exact MRN or identifier in the query) and score (0–1). */
    public record Found(Patient patient, int tier, double score) {
    }

    /** One page; {@code next} is the cursor of the following page, {@code null} on the last. */
    public record Page(List<Found> items, String next) {
    }

    private final PatientSearchRepository search;
    private final PatientRepository patients;
    private final PatientAccess access;
    private final PatientAudit audit;
    private final PatientConfig config;
    private final Timer duration;
    private final Clock clock = Clock.systemUTC();

    PatientSearchService(PatientSearchRepository search, PatientRepository patients, PatientAccess access,
                         PatientAudit audit, PatientConfig config, MeterRegistry registry) {
        this.search = search;
        this.patients = patients;
        this.access = access;
        this.audit = audit;
        this.config = config;
        this.duration = Timer.builder("medi.patient.search")
                .description("Patient searches: matching, ranking, loading and auditing, in the service")
                .publishPercentileHistogram().register(registry);
    }

    public Uni<Page> search(Caller caller, Criteria criteria, Integer limit, String after) {
        String query = criteria.query() == null || criteria.query().isBlank() ? null : criteria.query().strip();
        String phone = criteria.phone() == null || criteria.phone().isBlank() ? null
                : PhoneNumbers.normalise(criteria.phone(), config.phone().defaultCountryCode());
        if (criteria.phone() != null && !criteria.phone().isBlank() && phone == null) {
            throw invalid("phone", "must contain digits");
        }
        String mrn = null;
        if (criteria.mrn() != null && !criteria.mrn().isBlank()) {
            mrn = MedicalRecordNumber.parse(criteria.mrn())
                    .orElseThrow(() -> invalid("mrn", "is not a valid medical record number (check digits do not match)"));
        }
        if (query == null && criteria.birthDate() == null && phone == null && mrn == null) {
            throw new ProblemException(ProblemType.VALIDATION, "Give at least one of q, birthDate, phone or mrn.",
                    List.of(new Problem.FieldError("q", "or birthDate, phone, mrn is required")));
        }
        int size = limit == null ? config.search().defaultLimit() : limit;
        if (size < 1 || size > config.search().maxLimit()) {
            throw invalid("limit", "must be between 1 and " + config.search().maxLimit());
        }
        String fingerprint = SearchCursor.fingerprint(query, criteria.birthDate(), phone, mrn);
        Position position = after == null || after.isBlank() ? null : SearchCursor.decode(after.strip(), fingerprint)
                .orElseThrow(() -> invalid("after", "is not a cursor of this search"));

        Instant now = clock.instant();
        long started = System.nanoTime();
        AccessScope scope = access.searchScope(caller, now);
        String exactMrn = query == null ? null : MedicalRecordNumber.parse(query).orElse(null);
        String filterMrn = mrn;
        // an MRN is not a name: no name matching for it
        boolean byName = query != null && exactMrn == null;
        // programmatic: the search's duration is recorded after the commit
        return Panache.withTransaction(() -> (!byName ? Uni.createFrom().<PatientSearchRepository.TokenMatches>nullItem()
                        : search.matchWords(query, config.search().maxTokens(), config.search().maxWordsPerToken(),
                        config.search().wordSimilarity()))
                .flatMap(names -> search.rank(new PatientSearchRepository.RankQuery(names, exactMrn, query,
                        criteria.birthDate(), phone, filterMrn, scope, position, size + 1)))
                .flatMap(hits -> {
                    List<Hit> page = hits.stream().limit(size).toList();
                    return patients.byIds(page.stream().map(Hit::id).toList()).flatMap(loaded -> {
                        Map<UUID, Patient> byId = loaded.stream()
                                .collect(Collectors.toMap(Patient::id, Function.identity()));
                        List<Found> items = page.stream().filter(hit -> byId.containsKey(hit.id()))
                                .map(hit -> new Found(byId.get(hit.id()), hit.tier(), hit.score())).toList();
                        List<PatientAudit.Accessed> returned = page.stream().filter(hit -> byId.containsKey(hit.id()))
                                .map(hit -> new PatientAudit.Accessed(hit.id(), hit.basis())).toList();
                        String next = hits.size() > size ? SearchCursor.encode(
                                new Position(page.get(page.size() - 1).tier(), page.get(page.size() - 1).score(),
                                        page.get(page.size() - 1).id()), fingerprint) : null;
                        return audit.recordAll(caller, PatientAudit.SEARCH, returned, PatientAudit.SUCCESS)
                                .replaceWith(new Page(items, next));
                    });
                }))
                .invoke(() -> duration.record(System.nanoTime() - started, TimeUnit.NANOSECONDS));
    }

    private static ProblemException invalid(String field, String message) {
        return new ProblemException(ProblemType.VALIDATION, "The search has invalid parameters.",
                List.of(new Problem.FieldError(field, message)));
    }
}
