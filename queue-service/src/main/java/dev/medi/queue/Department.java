package dev.medi.queue;

import dev.medi.platform.defaults.TimeOrderedIds;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** A department with its own queue, ticket prefix, waiting-time targets and daily close. */
@Entity
@Table(name = "departments")
public class Department {

    @Id
    private UUID id;

    @Column(nullable = false, unique = true)
    private String code;

    @Column(nullable = false)
    private String name;

    @Column(name = "time_zone", nullable = false)
    private String timeZone;

    @Column(name = "auto_close_at", nullable = false)
    private LocalTime autoCloseAt;

    @Column(name = "sla_esi1_seconds", nullable = false)
    private int slaEsi1Seconds;
    @Column(name = "sla_esi2_seconds", nullable = false)
    private int slaEsi2Seconds;
    @Column(name = "sla_esi3_seconds", nullable = false)
    private int slaEsi3Seconds;
    @Column(name = "sla_esi4_seconds", nullable = false)
    private int slaEsi4Seconds;
    @Column(name = "sla_esi5_seconds", nullable = false)
    private int slaEsi5Seconds;

    @Column(nullable = false)
    private boolean active;

    @Column(name = "last_auto_close_on")
    private LocalDate lastAutoCloseOn;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Department() {
        // for Hibernate
    }

    public static Department create(UUID id, String code, String name, ZoneId timeZone, LocalTime autoCloseAt,
                                    SlaTargets targets, Instant now) {
        Department department = new Department();
        department.id = id == null ? TimeOrderedIds.next() : id;
        department.code = Objects.requireNonNull(code);
        department.createdAt = now;
        department.active = true;
        department.update(name, timeZone, autoCloseAt, targets, now);
        return department;
    }

    /** {@code null} arguments leave a setting as it is. */
    public void update(String newName, ZoneId newTimeZone, LocalTime newAutoCloseAt, SlaTargets newTargets, Instant now) {
        if (newName != null) {
            name = newName.strip();
        }
        if (newTimeZone != null) {
            timeZone = newTimeZone.getId();
        }
        if (newAutoCloseAt != null) {
            autoCloseAt = newAutoCloseAt;
        }
        if (newTargets != null) {
            slaEsi1Seconds = seconds(newTargets, 1);
            slaEsi2Seconds = seconds(newTargets, 2);
            slaEsi3Seconds = seconds(newTargets, 3);
            slaEsi4Seconds = seconds(newTargets, 4);
            slaEsi5Seconds = seconds(newTargets, 5);
        }
        updatedAt = now;
    }

    public void setActive(boolean isActive, Instant now) {
        active = isActive;
        updatedAt = now;
    }

    /**
     * Whether the day's auto-close is due at {@code now}: past the close time, local to the department,
     * and not yet done today.
     */
    public boolean autoCloseDue(Instant now) {
        var local = now.atZone(zone());
        return !local.toLocalTime().isBefore(autoCloseAt) && !local.toLocalDate().equals(lastAutoCloseOn);
    }

    public void autoClosed(Instant now) {
        lastAutoCloseOn = now.atZone(zone()).toLocalDate();
    }

    /** The department's calendar day at {@code now}: ticket numbers restart with it. */
    public LocalDate day(Instant now) {
        return now.atZone(zone()).toLocalDate();
    }

    private static int seconds(SlaTargets targets, int level) {
        return Math.toIntExact(targets.forLevel(level).toSeconds());
    }

    public SlaTargets slaTargets() {
        return new SlaTargets(List.of(Duration.ofSeconds(slaEsi1Seconds), Duration.ofSeconds(slaEsi2Seconds),
                Duration.ofSeconds(slaEsi3Seconds), Duration.ofSeconds(slaEsi4Seconds), Duration.ofSeconds(slaEsi5Seconds)));
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public UUID id() {
        return id;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public LocalTime autoCloseAt() {
        return autoCloseAt;
    }

    public boolean active() {
        return active;
    }

    public long version() {
        return version;
    }
}
