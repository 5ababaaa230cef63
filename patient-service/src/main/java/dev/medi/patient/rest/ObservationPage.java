package dev.medi.patient.rest;

import java.util.List;

/** Observations, newest first; pass {@code next} as {@code after} for older ones ({@code null} at the end). */
public record ObservationPage(List<ObservationView> items, String next) {
}
