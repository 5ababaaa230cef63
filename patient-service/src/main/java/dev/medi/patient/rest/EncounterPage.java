package dev.medi.patient.rest;

import java.util.List;

/** A patient's encounters, newest first; pass {@code next} as {@code after} for older ones ({@code null} at the end). */
public record EncounterPage(List<EncounterView> items, String next) {
}
