package dev.medi.ai.triage;

import dev.medi.ai.engine.EngineInfo;
import dev.medi.platform.defaults.TimeOrderedIds;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One stored triage suggestion: what it was made from (complaint, age, vitals), what the advisor and the ESI rule
 * engine answered, the combined suggestion, and, once the nurse triaged the entry, the nurse's final level and how
 * the suggestion compares ({@link TriageOutcome}). The suggestion itself never changes; only the nurse's side is
 * filled in (a re-triage replaces it: the latest triage of the entry is its final level).
 */
@Entity
@Table(name = "triage_suggestions")
public class TriageSuggestion {

    /** Made on request from the triage form. */
    public static final String SOURCE_REQUEST = "request";
    /** Made by the check-in consumer for an entry with a chief complaint. */
    public static final String SOURCE_CHECK_IN = "check-in";

    @Id
    private UUID id;
    @Column(name = "department_id", nullable = false, updatable = false)
    private UUID departmentId;
    @Column(name = "queue_entry_id", updatable = false)
    private UUID queueEntryId;
    @Column(nullable = false, updatable = false)
    private String source;
    @Column(name = "requested_by", updatable = false)
    private String requestedBy;
    @Column(name = "chief_complaint", nullable = false, updatable = false)
    private String chiefComplaint;
    @Column(name = "age_years", updatable = false)
    private Integer ageYears;
    @Convert(converter = TriageJson.VitalsJson.class)
    @Column(updatable = false)
    private TriageVitals vitals;
    @Column(name = "suggested_level", nullable = false, updatable = false)
    private int suggestedLevel;
    @Column(nullable = false, updatable = false)
    private String rationale;
    @Convert(converter = TriageJson.StringList.class)
    @Column(name = "high_risk_presentations", nullable = false, updatable = false)
    private List<String> highRiskPresentations;
    @Column(name = "expected_resources", nullable = false, updatable = false)
    private int expectedResources;
    @Convert(converter = TriageJson.StringList.class)
    @Column(nullable = false, updatable = false)
    private List<String> resources;
    @Column(name = "advisor_engine", nullable = false, updatable = false)
    private String advisorEngine;
    @Column(name = "advisor_model", nullable = false, updatable = false)
    private String advisorModel;
    @Column(name = "advisor_level", nullable = false, updatable = false)
    private int advisorLevel;
    @Column(name = "fallback_reason", updatable = false)
    private String fallbackReason;
    @Column(name = "engine_level", nullable = false, updatable = false)
    private int engineLevel;
    @Column(name = "engine_rule", nullable = false, updatable = false)
    private String engineRule;
    @Column(name = "engine_explanation", nullable = false, updatable = false)
    private String engineExplanation;
    @Convert(converter = TriageJson.StringList.class)
    @Column(name = "danger_zone_vitals", nullable = false, updatable = false)
    private List<String> dangerZoneVitals;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    @Column(name = "nurse_level")
    private Integer nurseLevel;
    @Column(name = "nurse_assessed_at")
    private Instant nurseAssessedAt;
    @Column(name = "triage_assessment_id")
    private UUID triageAssessmentId;
    private String outcome;

    protected TriageSuggestion() {
        // for Hibernate
    }

    public static TriageSuggestion of(UUID departmentId, UUID queueEntryId, String source, String requestedBy,
                                      String chiefComplaint, Integer ageYears, TriageVitals vitals,
                                      TriageCombination.Combined combined, Instant now) {
        TriageSuggestion s = new TriageSuggestion();
        s.id = TimeOrderedIds.next();
        s.departmentId = departmentId;
        s.queueEntryId = queueEntryId;
        s.source = source;
        s.requestedBy = requestedBy;
        s.chiefComplaint = chiefComplaint;
        s.ageYears = ageYears;
        s.vitals = vitals == null || vitals.isEmpty() ? null : vitals;
        s.suggestedLevel = combined.suggestedLevel();
        s.rationale = combined.rationale();
        s.highRiskPresentations = combined.highRiskPresentations();
        s.expectedResources = combined.expectedResources();
        s.resources = combined.resources();
        EngineInfo advisor = combined.advisor();
        s.advisorEngine = advisor.engine();
        s.advisorModel = advisor.model();
        s.advisorLevel = combined.advisorLevel();
        s.fallbackReason = advisor.fallbackReason();
        s.engineLevel = combined.engineLevel();
        s.engineRule = combined.engineRule();
        s.engineExplanation = combined.engineExplanation();
        s.dangerZoneVitals = combined.dangerZoneVitals();
        s.createdAt = now;
        return s;
    }

    /**
     * Joins the nurse's triage. An older triage than the one already joined changes nothing (a re-triage replaces
     * the final level; a late copy of an earlier one must not).
     *
     * @return whether the nurse's side changed
     */
    public boolean joinNurseTriage(UUID assessmentId, int finalLevel, Instant assessedAt) {
        if (nurseAssessedAt != null && assessedAt.isBefore(nurseAssessedAt)) {
            return false;
        }
        if (assessmentId != null && assessmentId.equals(triageAssessmentId)) {
            return false;
        }
        nurseLevel = finalLevel;
        nurseAssessedAt = assessedAt;
        triageAssessmentId = assessmentId;
        outcome = TriageOutcome.of(suggestedLevel, finalLevel).code();
        return true;
    }

    public UUID id() { return id; }
    public UUID departmentId() { return departmentId; }
    public UUID queueEntryId() { return queueEntryId; }
    public String source() { return source; }
    public Integer ageYears() { return ageYears; }
    public TriageVitals vitals() { return vitals; }
    public int suggestedLevel() { return suggestedLevel; }
    public String rationale() { return rationale; }
    public List<String> highRiskPresentations() { return highRiskPresentations; }
    public int expectedResources() { return expectedResources; }
    public List<String> resources() { return resources; }
    public String advisorEngine() { return advisorEngine; }
    public String advisorModel() { return advisorModel; }
    public int advisorLevel() { return advisorLevel; }
    public String fallbackReason() { return fallbackReason; }
    public int engineLevel() { return engineLevel; }
    public String engineRule() { return engineRule; }
    public String engineExplanation() { return engineExplanation; }
    public List<String> dangerZoneVitals() { return dangerZoneVitals; }
    public Instant createdAt() { return createdAt; }
    public Integer nurseLevel() { return nurseLevel; }
    public Instant nurseAssessedAt() { return nurseAssessedAt; }
    public String outcome() { return outcome; }

    @Override
    public String toString() {
        return "TriageSuggestion[" + id + "]"; // never the complaint
    }
}
