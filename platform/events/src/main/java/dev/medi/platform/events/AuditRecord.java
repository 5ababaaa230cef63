package dev.medi.platform.events;

import java.time.Instant;
import java.util.List;

/**
 * One entry of the audit trail on {@link Topics#AUDIT}: who did what to which record, when, with what
 * outcome. Identifiers only, never names or clinical content.
 *
 * @param actor      user name or API client id of the caller
 * @param actorRoles the caller's roles at the time
 * @param action     what was done, {@code <resource>.<verb>}, e.g. {@code user.create}
 * @param targetType kind of record, e.g. {@code user}, {@code patient}
 * @param targetId   id of the record
 * @param outcome    {@code success}, {@code denied} or {@code failed}
 * @param at         when (UTC)
 * @param requestId  the request id, to join with logs and traces
 */
public record AuditRecord(String actor, List<String> actorRoles, String action, String targetType, String targetId,
                          String outcome, Instant at, String requestId) {
}
