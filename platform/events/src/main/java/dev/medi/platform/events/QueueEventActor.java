package dev.medi.platform.events;

import java.util.List;

/**
 * Who made the change behind a queue event, from the verified access token of the request: the same person
 * queue-service records in the entry's transition history. Consumers audit with it (patient-service names the
 * person who checked a registered patient in). An event of a change queue-service made by itself (SLA monitor,
 * end-of-day close), or one published before this field existed, has no actor ({@code null}).
 *
 * <p>Staff data, not public: a public waiting-room board never shows it.
 *
 * @param id    the token's subject: the user id (a hospital system: its client id)
 * @param name  the token's user name ({@code upn}), as the audit trail names callers
 * @param roles the token's roles, sorted
 */
public record QueueEventActor(String id, String name, List<String> roles) {
}
