package dev.medi.ai.scribe;

/** The four sections of a SOAP note, in the order a note prints them. */
public enum SoapSection {
    SUBJECTIVE, OBJECTIVE, ASSESSMENT, PLAN
}
