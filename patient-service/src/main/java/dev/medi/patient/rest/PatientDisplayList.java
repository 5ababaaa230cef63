package dev.medi.patient.rest;

import java.util.List;

/** The entries the caller may see, in the order asked; the others are simply absent. */
public record PatientDisplayList(List<PatientDisplayView> items) {
}
