package dev.medi.queue.rest;

import dev.medi.queue.Department;

import java.util.UUID;

/** A department; {@code slaTargets} in minutes. */
public record DepartmentView(UUID id, String code, String name, String timeZone, String autoCloseAt,
                             SlaTargetsInput slaTargets, boolean active, long version) {

    static DepartmentView of(Department department) {
        return new DepartmentView(department.id(), department.code(), department.name(), department.zone().getId(),
                department.autoCloseAt().toString(), SlaTargetsInput.of(department.slaTargets()), department.active(),
                department.version());
    }
}
