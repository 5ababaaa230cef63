package dev.medi.gateway.fanout;

import java.util.UUID;

/**
 * One event of {@code medi.queue.events.v1} as the fan-out needs it: its department and sequence number
 * (to order it after a snapshot) and its frame for each kind of client, built once per event.
 *
 * @param staffFrame the full event, for authenticated staff clients
 * @param boardFrame ticket, status and room only, for public waiting-room boards
 */
public record QueueEvent(UUID departmentId, long sequence, Frame staffFrame, Frame boardFrame) {
}
