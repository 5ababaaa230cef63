package dev.medi.queue.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.util.UUID;

/**
 * @param room    the room the patient is called to (a room of the department)
 * @param entryId a specific waiting entry instead of the first one
 */
public record CallNextRequest(@NotBlank @Size(max = 100) String room, UUID entryId) {
}
