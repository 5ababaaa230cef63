package dev.medi.auth.rest;

import dev.medi.auth.User;
import dev.medi.platform.defaults.security.Caller;

import java.util.List;
import java.util.UUID;

/**
 * A colleague as the staff directory shows them to any staff member: who they are and what they do, nothing to
 * reach or impersonate them with (no e-mail, no account state, no second-factor status).
 *
 * @param username      the name notes, audit records and queue histories already show ({@code signedBy},
 *                      {@code openedBy}): the key the web app labels them with
 * @param departmentIds the colleague's departments that the caller works in too (admins: all of them); the others
 *                      are none of the caller's business
 */
public record StaffMemberView(UUID id, String username, String displayName, List<String> roles,
                              List<UUID> departmentIds) {

    static StaffMemberView of(User user, Caller caller) {
        return new StaffMemberView(user.id(), user.username(), user.displayName(), user.roles(),
                user.departments().stream().filter(caller::mayAccessDepartment).toList());
    }
}
