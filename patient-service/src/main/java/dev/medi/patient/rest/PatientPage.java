package dev.medi.patient.rest;

import java.util.List;

/** One page of search results; pass {@code next} as {@code after} for the following page ({@code null} at the end). */
public record PatientPage(List<PatientSummary> items, String next) {
}
