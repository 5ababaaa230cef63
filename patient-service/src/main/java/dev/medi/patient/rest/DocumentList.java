package dev.medi.patient.rest;

import java.util.List;

/** A patient's documents, newest first. */
public record DocumentList(List<DocumentView> items) {
}
