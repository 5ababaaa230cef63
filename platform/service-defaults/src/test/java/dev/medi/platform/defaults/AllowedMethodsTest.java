package dev.medi.platform.defaults;

import org.junit.jupiter.api.Test;

import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AllowedMethodsTest {

    @Test
    void aTemplateMatchesItsOwnPathsOnly() {
        Pattern entry = AllowedMethods.template("/api/v1/queues/{departmentId}", "/entries/{entryId}");
        assertTrue(entry.matcher("/api/v1/queues/0193a000-0000-7000-8000-000000000001/entries/x").matches());
        assertTrue(entry.matcher("/api/v1/queues/a/entries/b/").matches());
        assertFalse(entry.matcher("/api/v1/queues/a/entries/b/history").matches());
        assertFalse(entry.matcher("/api/v1/queues/a/entries").matches());
    }

    @Test
    void aTemplateWithoutMethodPathAndARegexParameter() {
        assertTrue(AllowedMethods.template("api/v1/users", "").matcher("/api/v1/users").matches());
        Pattern role = AllowedMethods.template("/api/v1/role-policies", "{role: [a-z]+}");
        assertTrue(role.matcher("/api/v1/role-policies/nurse").matches());
        assertFalse(role.matcher("/api/v1/role-policies/NURSE1").matches());
    }
}
