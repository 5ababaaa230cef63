package dev.medi.auth.rest;

import java.util.List;

/** The active staff of one department, ordered by display name. */
public record StaffDirectory(List<StaffMemberView> items) {
}
