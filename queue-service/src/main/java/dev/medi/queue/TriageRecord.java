package dev.medi.queue;

import dev.medi.platform.defaults.TimeOrderedIds;
import dev.medi.platform.events.QueueTriageData;
import dev.medi.triage.TriageAssessment;
import dev.medi.triage.TriageResult;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.UUID;

/**
 * One triage of an entry: the inputs, what the ESI engine proposed and which rule fired, the level the
 * nurse set, and the reason when the two differ. Append-only: a re-triage adds a record.
 */
@Entity
@Table(name = "triage_assessments")
public class TriageRecord {

    @Id
    private UUID id;
    @Column(name = "entry_id", nullable = false, updatable = false)
    private UUID entryId;
    @Column(name = "assessed_by", nullable = false, updatable = false)
    private String assessedBy;
    @Column(name = "assessed_at", nullable = false, updatable = false)
    private Instant assessedAt;
    @Column(name = "age_days", nullable = false, updatable = false)
    private int ageDays;
    @Column(name = "heart_rate", updatable = false)
    private Integer heartRate;
    @Column(name = "respiratory_rate", updatable = false)
    private Integer respiratoryRate;
    @Column(updatable = false)
    private Integer spo2;
    @Column(name = "systolic_bp", updatable = false)
    private Integer systolicBp;
    @Column(name = "diastolic_bp", updatable = false)
    private Integer diastolicBp;
    @Column(name = "temperature_celsius", updatable = false)
    private BigDecimal temperatureCelsius;
    @Column(updatable = false)
    private Integer pain;
    @Column(updatable = false)
    private String consciousness;
    @Column(name = "life_saving_intervention", nullable = false, updatable = false)
    private boolean lifeSavingIntervention;
    @Column(name = "high_risk", nullable = false, updatable = false)
    private boolean highRisk;
    @Column(name = "new_confusion", nullable = false, updatable = false)
    private boolean newConfusion;
    @Column(name = "severe_pain_or_distress", nullable = false, updatable = false)
    private boolean severePainOrDistress;
    @Column(name = "expected_resources", nullable = false, updatable = false)
    private int expectedResources;
    @Column(name = "engine_level", nullable = false, updatable = false)
    private int engineLevel;
    @Column(name = "engine_rule", nullable = false, updatable = false)
    private String engineRule;
    @Column(name = "final_level", nullable = false, updatable = false)
    private int finalLevel;
    @Column(name = "override_reason", updatable = false)
    private String overrideReason;

    protected TriageRecord() {
        // for Hibernate
    }

    /**
     * @throws IllegalArgumentException when the final level differs from the engine's and no reason is given
     */
    public static TriageRecord of(UUID entryId, TriageAssessment input, TriageResult result, int finalLevel,
                                  String overrideReason, String nurse, Instant now) {
        boolean overridden = finalLevel != result.level().value();
        if (overridden && (overrideReason == null || overrideReason.isBlank())) {
            throw new IllegalArgumentException("overrideReason");
        }
        TriageRecord record = new TriageRecord();
        record.id = TimeOrderedIds.next();
        record.entryId = entryId;
        record.assessedBy = nurse;
        record.assessedAt = now;
        record.ageDays = Math.toIntExact(input.age().days());
        var vitals = input.vitals();
        record.heartRate = vitals.heartRate();
        record.respiratoryRate = vitals.respiratoryRate();
        record.spo2 = vitals.spo2();
        record.systolicBp = vitals.systolicBp();
        record.diastolicBp = vitals.diastolicBp();
        record.temperatureCelsius = vitals.temperatureCelsius() == null ? null
                : BigDecimal.valueOf(vitals.temperatureCelsius()).setScale(1, RoundingMode.HALF_UP);
        record.pain = vitals.pain();
        record.consciousness = vitals.consciousness() == null ? null : vitals.consciousness().name();
        record.lifeSavingIntervention = input.requiresImmediateLifeSavingIntervention();
        record.highRisk = input.highRiskSituation();
        record.newConfusion = input.newConfusionLethargyOrDisorientation();
        record.severePainOrDistress = input.severePainOrDistress();
        record.expectedResources = input.expectedResources();
        record.engineLevel = result.level().value();
        record.engineRule = result.rule().name();
        record.finalLevel = finalLevel;
        record.overrideReason = overridden ? overrideReason.strip() : null;
        return record;
    }

    /** The assessment as it travels with the triage event. */
    public QueueTriageData eventData() {
        return new QueueTriageData(id, assessedBy, assessedAt, heartRate, respiratoryRate, spo2, systolicBp, diastolicBp,
                temperatureCelsius, pain, consciousness, engineLevel, engineRule, finalLevel);
    }

    public UUID id() {
        return id;
    }

    public UUID entryId() {
        return entryId;
    }

    public String assessedBy() {
        return assessedBy;
    }

    public Instant assessedAt() {
        return assessedAt;
    }

    public int engineLevel() {
        return engineLevel;
    }

    public String engineRule() {
        return engineRule;
    }

    public int finalLevel() {
        return finalLevel;
    }

    public String overrideReason() {
        return overrideReason;
    }

    public Integer heartRate() {
        return heartRate;
    }

    public Integer respiratoryRate() {
        return respiratoryRate;
    }

    public Integer spo2() {
        return spo2;
    }

    public Integer systolicBp() {
        return systolicBp;
    }

    public Integer diastolicBp() {
        return diastolicBp;
    }

    public BigDecimal temperatureCelsius() {
        return temperatureCelsius;
    }

    public Integer pain() {
        return pain;
    }

    public String consciousness() {
        return consciousness;
    }
}
