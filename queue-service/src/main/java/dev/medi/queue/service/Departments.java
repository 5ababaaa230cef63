package dev.medi.queue.service;

import dev.medi.platform.defaults.ProblemException;
import dev.medi.platform.defaults.ProblemType;
import dev.medi.queue.Department;
import dev.medi.queue.QueueEntry;

/** Lookups shared by the use cases: a missing department or entry is a 404, never a null further down. */
final class Departments {

    private Departments() {
    }

    static Department found(Department department) {
        if (department == null || !department.active()) {
            throw new ProblemException(ProblemType.NOT_FOUND, "No such department.");
        }
        return department;
    }

    static QueueEntry inDepartment(QueueEntry entry, java.util.UUID departmentId) {
        if (entry == null || !entry.departmentId().equals(departmentId)) {
            throw new ProblemException(ProblemType.NOT_FOUND, "No such entry in this department's queue.");
        }
        return entry;
    }
}
