package dev.medi.patient.observation;

import jakarta.persistence.Convert;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.UUID;

/**
 * One measured vital sign of a patient (FHIR Observation, category vital-signs): a {@link VitalSign} with its
 * value, when it was measured, who recorded it and where it came from, flagged against the reference range of
 * the patient's age when it was measured ({@link VitalSignReferenceRanges}). Immutable once recorded.
 */
@Entity
@Table(name = "observations")
public class Observation {

    public static final String SOURCE_TRIAGE = "triage";
    public static final String SOURCE_DIRECT = "direct";

    @Id
    private UUID id;

    @Column(name = "patient_id", nullable = false, updatable = false)
    private UUID patientId;

    @Column(name = "set_id", nullable = false, updatable = false)
    private UUID setId;

    @Column(name = "encounter_id", updatable = false)
    private UUID encounterId;

    @Column(name = "queue_entry_id", updatable = false)
    private UUID queueEntryId;

    @Column(nullable = false, updatable = false)
    private String code;

    @Column(name = "value_quantity", updatable = false)
    private BigDecimal valueQuantity;

    @Column(name = "value_code", updatable = false)
    private String valueCode;

    @Column(updatable = false)
    private String unit;

    @Column(updatable = false)
    @Convert(converter = Interpretation.Column.class)
    private Interpretation interpretation;

    @Column(name = "effective_at", nullable = false, updatable = false)
    private Instant effectiveAt;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    @Column(name = "recorded_by", nullable = false, updatable = false)
    private String recordedBy;

    @Column(nullable = false, updatable = false)
    private String source;

    @Column(name = "triage_assessment_id", updatable = false)
    private UUID triageAssessmentId;

    protected Observation() {
        // for Hibernate
    }

    /** Where and when a set of vitals was taken, and by whom. */
    public record Context(UUID patientId, LocalDate birthDate, UUID setId, UUID encounterId, UUID queueEntryId,
                          Instant effectiveAt, String recordedBy, String source, UUID triageAssessmentId, Instant now) {
    }

    /**
     * A measured number, flagged for the patient's age on the day measured.
     *
     * @param code  the LOINC code as received (one of {@link VitalSign#codes()})
     * @throws IllegalArgumentException for a coded sign or a value outside {@link VitalSign#checkValue}
     */
    public static Observation quantity(UUID id, Context context, VitalSign sign, String code, BigDecimal value) {
        if (sign.coded() || !sign.codes().contains(code)) {
            throw new IllegalArgumentException("not a quantity of this sign");
        }
        sign.checkValue(value).ifPresent(problem -> {
            throw new IllegalArgumentException("impossible value");
        });
        Observation observation = base(id, context, code);
        observation.valueQuantity = plain(value);
        observation.unit = sign.unit();
        observation.interpretation = VitalSignReferenceRanges.interpret(sign, value, context.birthDate(),
                        context.effectiveAt().atZone(ZoneOffset.UTC).toLocalDate())
                .orElse(null);
        return observation;
    }

    /** A level of responsiveness (ACVPU). */
    public static Observation consciousness(UUID id, Context context, VitalSign.Consciousness level) {
        Observation observation = base(id, context, VitalSign.CONSCIOUSNESS.code());
        observation.valueCode = level.letter();
        observation.interpretation = VitalSignReferenceRanges.interpret(level);
        return observation;
    }

    private static Observation base(UUID id, Context context, String code) {
        if (!SOURCE_TRIAGE.equals(context.source()) && !SOURCE_DIRECT.equals(context.source())) {
            throw new IllegalArgumentException("unknown observation source");
        }
        Observation observation = new Observation();
        observation.id = Objects.requireNonNull(id);
        observation.patientId = Objects.requireNonNull(context.patientId());
        observation.setId = Objects.requireNonNull(context.setId());
        observation.encounterId = context.encounterId();
        observation.queueEntryId = context.queueEntryId();
        observation.code = code;
        observation.effectiveAt = Objects.requireNonNull(context.effectiveAt());
        observation.recordedAt = context.now();
        observation.recordedBy = Objects.requireNonNull(context.recordedBy());
        observation.source = context.source();
        observation.triageAssessmentId = context.triageAssessmentId();
        return observation;
    }

    public UUID id() {
        return id;
    }

    public UUID patientId() {
        return patientId;
    }

    public UUID setId() {
        return setId;
    }

    public UUID encounterId() {
        return encounterId;
    }

    public UUID queueEntryId() {
        return queueEntryId;
    }

    public String code() {
        return code;
    }

    public VitalSign sign() {
        return VitalSign.ofCode(code).orElseThrow();
    }

    /** {@code null} for a coded value. */
    public BigDecimal valueQuantity() {
        return plain(valueQuantity);
    }

    /** Without the column's trailing zeros (98.000 → 98, 36.800 → 36.8). */
    private static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** The ACVPU letter, {@code null} for a number. */
    public String valueCode() {
        return valueCode;
    }

    public String unit() {
        return unit;
    }

    /** {@code null} where no reference range applies. */
    public Interpretation interpretation() {
        return interpretation;
    }

    public Instant effectiveAt() {
        return effectiveAt;
    }

    public Instant recordedAt() {
        return recordedAt;
    }

    public String recordedBy() {
        return recordedBy;
    }

    public String source() {
        return source;
    }

    public UUID triageAssessmentId() {
        return triageAssessmentId;
    }
}
