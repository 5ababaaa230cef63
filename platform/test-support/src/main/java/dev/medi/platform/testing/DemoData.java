package dev.medi.platform.testing;

import java.util.List;

/**
 * What the test and dev profiles seed, in one place for every test: auth-service's demo accounts
 * ({@code DemoUsers}: one per role, user name = role, password {@code medi-demo-<user>}, members of both demo
 * departments) and queue-service's demo departments ({@code DemoDepartments}: GEN and EMR with three rooms each).
 * Each seeding module has a {@code DemoDataTest} that checks its seeded rows against these constants, so a test
 * that uses them fails there first if a seed changes. Plain constants, no dependencies: system tests use it too.
 */
public final class DemoData {

    public static final String RECEPTIONIST = "receptionist";
    public static final String NURSE = "nurse";
    public static final String DOCTOR = "doctor";
    public static final String ADMIN = "admin";
    /** The demo accounts, in seeding order; each holds the role of its name. */
    public static final List<String> USERS = List.of(RECEPTIONIST, NURSE, DOCTOR, ADMIN);

    /** General practice ({@code GEN}): the department the demo and most tests work in. */
    public static final String GENERAL = "0193a000-0000-7000-8000-000000000001";
    public static final String GENERAL_CODE = "GEN";
    public static final List<String> GENERAL_ROOMS = List.of("Room 1", "Room 2", "Room 3");

    /** Emergency ({@code EMR}). */
    public static final String EMERGENCY = "0193a000-0000-7000-8000-000000000002";
    public static final String EMERGENCY_CODE = "EMR";
    public static final List<String> EMERGENCY_ROOMS = List.of("Resus", "Bay 1", "Bay 2");

    /** The demo departments, in seeding order; every demo account is a member of all of them. */
    public static final List<String> DEPARTMENTS = List.of(GENERAL, EMERGENCY);

    /** The password of demo account {@code user}. */
    public static String passwordOf(String user) {
        return "medi-demo-" + user;
    }

    /** The body of {@code POST /api/v1/auth/login} for demo account {@code user}. */
    public static String loginBody(String user) {
        return "{\"username\":\"" + user + "\",\"password\":\"" + passwordOf(user) + "\"}";
    }

    private DemoData() {
    }
}
