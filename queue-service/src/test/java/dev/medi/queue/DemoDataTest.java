package dev.medi.queue;

import dev.medi.devstack.DevStack;
import dev.medi.platform.testing.DemoData;
import dev.medi.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Pins {@link DemoData} to what this service really seeds ({@code DemoDepartments}), and to the departments the
 * local stack hands to the demo accounts ({@link DevStack#DEMO_DEPARTMENTS}).
 */
@QuarkusTest
class DemoDataTest {

    @Test
    void theDemoDepartmentsAreSeededWithTheirCodesAndRooms() {
        seeded(DemoData.GENERAL, DemoData.GENERAL_CODE, DemoData.GENERAL_ROOMS);
        seeded(DemoData.EMERGENCY, DemoData.EMERGENCY_CODE, DemoData.EMERGENCY_ROOMS);
    }

    @Test
    void theLocalStackUsesTheSameDepartments() {
        assertEquals(DemoData.DEPARTMENTS, DevStack.DEMO_DEPARTMENTS);
    }

    private static void seeded(String id, String code, List<String> rooms) {
        String token = TestTokens.forRoles(DemoData.ADMIN);
        given().auth().oauth2(token).get("/api/v1/departments/{id}", id)
                .then().statusCode(200).body("code", equalTo(code));
        // hasItems: other tests may add rooms to a demo department; the seeded ones must all be there
        given().auth().oauth2(token).get("/api/v1/departments/{id}/rooms", id)
                .then().statusCode(200).body("name", hasItems(rooms.toArray(String[]::new)));
    }
}
