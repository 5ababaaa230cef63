package dev.medi.patient.rest;

import dev.medi.patient.PatientApi;
import dev.medi.platform.testing.Databases;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.medi.patient.PatientApi.PROBLEMS;
import static dev.medi.patient.PatientApi.PROBLEM_JSON;
import static dev.medi.patient.PatientApi.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Documents in a patient's record: filing, listing, download, dedup by hash, limits, access and audit. */
@QuarkusTest
class DocumentsTest {

    /** Where the test profile keeps blobs (application.properties, %test). */
    private static final Path BLOBS = Path.of("target/test-documents");

    @Inject
    DataSource dataSource;

    private final String department = UUID.randomUUID().toString();
    private final String nurse = "nurse." + UUID.randomUUID().toString().substring(0, 8);
    private final String doctor = "doctor." + UUID.randomUUID().toString().substring(0, 8);

    private RequestSpecification nurse() {
        return PatientApi.asUser(nurse, List.of(department), "nurse");
    }

    private RequestSpecification doctor() {
        return PatientApi.asUser(doctor, List.of(department), "doctor");
    }

    /** A registered patient linked to this test's department. */
    private String patient() {
        String id = PatientApi.registerSomeone();
        PatientApi.linkToDepartment(dataSource, id, department);
        return id;
    }

    /** A small PDF unique to the call (so dedup across tests cannot interfere). */
    private static byte[] pdf() {
        return ("%PDF-1.4\n% " + UUID.randomUUID() + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    private static ExtractableResponse<Response> upload(RequestSpecification as, String patientId, byte[] content,
                                                        String type, int status) {
        return as.contentType(type).body(content).queryParam("title", "Referral letter")
                .queryParam("category", "referral").queryParam("fileName", "überweisung.pdf")
                .post("/api/v1/patients/{id}/documents", patientId).then().statusCode(status).extract();
    }

    private long documents(String patientId) {
        return Databases.count(dataSource, "select count(*) from documents where patient_id = '" + patientId + "'");
    }

    private long audit(String requestId, String action, String outcome) {
        return Databases.count(dataSource, "select count(*) from audit_log where request_id = '" + requestId
                + "' and action = '" + action + "' and outcome = '" + outcome + "'");
    }

    private long audit(String requestId) {
        return Databases.count(dataSource, "select count(*) from audit_log where request_id = '" + requestId + "'");
    }

    @Test
    void aDocumentIsFiledListedReadAndDownloadedWithAnAuditRecordEach() throws Exception {
        String patientId = patient();
        byte[] content = pdf();
        String create = PatientApi.requestId();
        ExtractableResponse<Response> filed = upload(nurse().header("X-Request-Id", create), patientId, content,
                "application/pdf", 201);
        String id = filed.path("id");
        assertTrue(filed.header("Location").endsWith("/api/v1/documents/" + id));
        assertEquals(patientId, filed.path("patientId"));
        assertEquals("Referral letter", filed.path("title"));
        assertEquals("referral", filed.path("category"));
        assertEquals("application/pdf", filed.path("contentType"));
        assertEquals(content.length, (int) filed.path("size"));
        assertEquals(sha256(content), filed.path("sha256"));
        assertEquals("current", filed.path("status"));
        assertEquals(nurse, filed.path("createdBy"));
        assertEquals(1, audit(create, "document.create", "success"));
        assertEquals(1, audit(create));
        assertEquals(1, Databases.count(dataSource, "select count(*) from audit_log where request_id = '" + create
                + "' and target_type = 'document' and target_id = '" + id + "' and patient_id = '" + patientId + "'"));

        String list = PatientApi.requestId();
        doctor().header("X-Request-Id", list).get("/api/v1/patients/{id}/documents", patientId).then().statusCode(200)
                .body("items.id", contains(id)).body("items[0].contentUrl", equalTo("/api/v1/documents/" + id + "/content"));
        assertEquals(1, audit(list, "document.list", "success"));
        assertEquals(1, audit(list));

        String read = PatientApi.requestId();
        doctor().header("X-Request-Id", read).get("/api/v1/documents/{id}", id).then().statusCode(200)
                .body("id", equalTo(id)).body("fileName", equalTo("überweisung.pdf"));
        assertEquals(1, audit(read, "document.read", "success"));

        String download = PatientApi.requestId();
        ExtractableResponse<Response> file = doctor().header("X-Request-Id", download)
                .get("/api/v1/documents/{id}/content", id).then().statusCode(200).extract();
        assertArrayEquals(content, file.asByteArray());
        assertEquals("application/pdf", file.contentType());
        assertEquals("\"" + sha256(content) + "\"", file.header("ETag"));
        assertTrue(file.header("Content-Disposition").startsWith("attachment; filename=\"document-" + id + ".pdf\""));
        assertTrue(file.header("Content-Disposition").contains("filename*=UTF-8''%C3%BCberweisung.pdf"));
        assertEquals("no-store", file.header("Cache-Control"));
        assertEquals(1, audit(download, "document.download", "success"));
        assertEquals(1, audit(download));

        doctor().header("If-None-Match", "\"" + sha256(content) + "\"").get("/api/v1/documents/{id}/content", id)
                .then().statusCode(304);
    }

    @Test
    void aFormUploadIsFiledLikeARawOne() throws Exception {
        String patientId = patient();
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 1, 2, 3, 4, (byte) (System.nanoTime() & 0x7f), 5};
        String id = given().auth().oauth2(dev.medi.platform.testing.TestTokens.tokens()
                        .accessToken(nurse, List.of("nurse"), List.of(department)))
                .multiPart("file", "wound.png", png, "image/png")
                .multiPart("title", "Wound photo")
                .multiPart("category", "imaging")
                .post("/api/v1/patients/{id}/documents", patientId).then().statusCode(201)
                .body("contentType", equalTo("image/png")).body("fileName", equalTo("wound.png"))
                .body("sha256", equalTo(sha256(png))).extract().path("id");
        assertArrayEquals(png, nurse().get("/api/v1/documents/{id}/content", id).then().statusCode(200)
                .contentType("image/png").extract().asByteArray());
    }

    @Test
    void aFormWithoutAFileIs400() {
        String patientId = patient();
        given().auth().oauth2(dev.medi.platform.testing.TestTokens.tokens()
                        .accessToken(nurse, List.of("nurse"), List.of(department)))
                .multiPart("title", "Wound photo").multiPart("category", "imaging")
                .post("/api/v1/patients/{id}/documents", patientId).then().statusCode(400).contentType(PROBLEM_JSON)
                .body("errors.field", contains("file"));
        assertEquals(0, documents(patientId));
    }

    @Test
    void documentsOfARecordEnteredInErrorAreGoneForClinicians() {
        String patientId = patient();
        String id = upload(nurse(), patientId, pdf(), "application/pdf", 201).path("id");
        as("receptionist").body(Map.of("reason", "registered twice")).post("/api/v1/patients/{id}/entered-in-error", patientId)
                .then().statusCode(200);
        String gone = PatientApi.requestId();
        nurse().header("X-Request-Id", gone).get("/api/v1/documents/{id}", id).then().statusCode(410)
                .contentType(PROBLEM_JSON).body("type", equalTo(PROBLEMS + "entered-in-error"));
        assertEquals(1, audit(gone, "document.read", "denied"));
        upload(nurse(), patientId, pdf(), "application/pdf", 410);
        as("admin").get("/api/v1/documents/{id}/content", id).then().statusCode(200);
        assertEquals(1, documents(patientId));
    }

    @Test
    void theSameBytesTwiceAreOneBlobAndTwoDocuments() throws Exception {
        String patientId = patient();
        byte[] content = pdf();
        String first = upload(nurse(), patientId, content, "application/pdf", 201).path("id");
        String second = upload(doctor(), patientId, content, "application/pdf", 201).path("id");
        assertNotEquals(first, second);
        String hash = sha256(content);
        assertEquals(2, Databases.count(dataSource, "select count(*) from documents where content_hash = '" + hash + "'"));
        Path blob = BLOBS.resolve(hash.substring(0, 2)).resolve(hash.substring(2, 4)).resolve(hash);
        assertArrayEquals(content, Files.readAllBytes(blob));
        try (var files = Files.list(blob.getParent())) {
            assertEquals(1, files.filter(p -> p.getFileName().toString().startsWith(hash.substring(0, 8))).count());
        }
        assertArrayEquals(content, nurse().get("/api/v1/documents/{id}/content", second).then().statusCode(200)
                .extract().asByteArray());
    }

    @Test
    void invalidUploadsStoreNothing() {
        String patientId = patient();
        nurse().contentType("application/pdf").body(pdf()).queryParam("category", "referral")
                .post("/api/v1/patients/{id}/documents", patientId).then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo(PROBLEMS + "validation")).body("errors.field", contains("title"));
        nurse().contentType("application/pdf").body(pdf()).queryParam("title", "x").queryParam("category", "Not Valid!")
                .post("/api/v1/patients/{id}/documents", patientId).then().statusCode(400)
                .body("errors.field", contains("category"));
        nurse().contentType("application/pdf").body(new byte[0]).queryParam("title", "x").queryParam("category", "referral")
                .post("/api/v1/patients/{id}/documents", patientId).then().statusCode(400)
                .body("errors.field", contains("content"));
        // a "PDF" that is an HTML page
        upload(nurse(), patientId, "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8),
                "application/pdf", 415);
        nurse().contentType("application/pdf").body("<html>".getBytes(StandardCharsets.UTF_8)).queryParam("title", "x")
                .queryParam("category", "referral").post("/api/v1/patients/{id}/documents", patientId)
                .then().statusCode(415).contentType(PROBLEM_JSON).body("type", equalTo(PROBLEMS + "unsupported-media-type"));
        // a PNG declared as JPEG
        upload(nurse(), patientId, new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, "image/jpeg", 415);
        // a type that is not allowed at all
        nurse().contentType("text/html").body("<html>".getBytes(StandardCharsets.UTF_8)).queryParam("title", "x")
                .queryParam("category", "referral").post("/api/v1/patients/{id}/documents", patientId)
                .then().statusCode(415).contentType(PROBLEM_JSON);
        assertEquals(0, documents(patientId));
    }

    @Test
    void aDocumentOverTheSizeLimitIs413() {
        String patientId = patient();
        byte[] big = new byte[256 * 1024 + 1]; // %test limit: 256K
        byte[] header = "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(header, 0, big, 0, header.length);
        Arrays.fill(big, header.length, big.length, (byte) ' ');
        upload(nurse(), patientId, big, "application/pdf", 413);
        nurse().contentType("application/pdf").body(big).queryParam("title", "x").queryParam("category", "referral")
                .post("/api/v1/patients/{id}/documents", patientId).then().statusCode(413).contentType(PROBLEM_JSON)
                .body("type", equalTo(PROBLEMS + "payload-too-large")).body("detail", containsString("256 KiB"));
        byte[] fits = Arrays.copyOf(big, 256 * 1024);
        upload(nurse(), patientId, fits, "application/pdf", 201);
        assertEquals(1, documents(patientId));
    }

    @Test
    void withoutATokenIs401() {
        String patientId = patient();
        given().contentType("application/pdf").body(pdf()).queryParam("title", "x").queryParam("category", "referral")
                .post("/api/v1/patients/{id}/documents", patientId).then().statusCode(401).contentType(PROBLEM_JSON);
        given().get("/api/v1/patients/{id}/documents", patientId).then().statusCode(401);
        given().get("/api/v1/documents/{id}/content", UUID.randomUUID()).then().statusCode(401);
        assertEquals(0, documents(patientId));
    }

    @Test
    void theFrontDeskAndClinicians_outsideTheDepartment_areRefusedAndAudited() {
        String patientId = patient();
        String id = upload(nurse(), patientId, pdf(), "application/pdf", 201).path("id");

        String desk = PatientApi.requestId();
        upload(as("receptionist").header("X-Request-Id", desk), patientId, pdf(), "application/pdf", 403);
        assertEquals(1, audit(desk, "document.create", "denied"));
        String deskRead = PatientApi.requestId();
        as("receptionist").header("X-Request-Id", deskRead).get("/api/v1/documents/{id}/content", id)
                .then().statusCode(403).contentType(PROBLEM_JSON).body("type", equalTo(PROBLEMS + "forbidden"));
        assertEquals(1, audit(deskRead, "document.download", "denied"));

        RequestSpecification outsider = PatientApi.asUser("nurse.x" + UUID.randomUUID().toString().substring(0, 6),
                List.of(UUID.randomUUID().toString()), "nurse");
        String outside = PatientApi.requestId();
        outsider.header("X-Request-Id", outside).get("/api/v1/patients/{id}/documents", patientId).then().statusCode(403);
        assertEquals(1, audit(outside, "document.list", "denied"));
        upload(PatientApi.asUser("nurse.y", List.of(UUID.randomUUID().toString()), "nurse"), patientId, pdf(),
                "application/pdf", 403);
        assertEquals(1, documents(patientId), "nothing filed by the refused uploads");

        as("admin").get("/api/v1/documents/{id}", id).then().statusCode(200);
    }

    @Test
    void unknownPatientsAndDocumentsAre404() {
        upload(nurse(), UUID.randomUUID().toString(), pdf(), "application/pdf", 404);
        nurse().get("/api/v1/documents/{id}", UUID.randomUUID()).then().statusCode(404).contentType(PROBLEM_JSON)
                .body("type", equalTo(PROBLEMS + "not-found"));
        nurse().get("/api/v1/documents/{id}/content", UUID.randomUUID()).then().statusCode(404);
        nurse().get("/api/v1/patients/{id}/documents", UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void aDocumentFiledByMistakeIsKeptButHidden() {
        String patientId = patient();
        String id = upload(nurse(), patientId, pdf(), "application/pdf", 201).path("id");
        nurse().body(Map.of()).post("/api/v1/documents/{id}/entered-in-error", id).then().statusCode(400);
        String mark = PatientApi.requestId();
        doctor().header("X-Request-Id", mark).body(Map.of("reason", "wrong patient"))
                .post("/api/v1/documents/{id}/entered-in-error", id).then().statusCode(200)
                .body("status", equalTo("entered-in-error")).body("enteredInError.reason", equalTo("wrong patient"))
                .body("enteredInError.by", equalTo(doctor));
        assertEquals(1, audit(mark, "document.entered-in-error", "success"));
        doctor().body(Map.of("reason", "again")).post("/api/v1/documents/{id}/entered-in-error", id)
                .then().statusCode(409).contentType(PROBLEM_JSON);

        String gone = PatientApi.requestId();
        nurse().header("X-Request-Id", gone).get("/api/v1/documents/{id}/content", id).then().statusCode(410)
                .contentType(PROBLEM_JSON).body("type", equalTo(PROBLEMS + "entered-in-error"));
        assertEquals(1, audit(gone, "document.download", "denied"));
        nurse().get("/api/v1/patients/{id}/documents", patientId).then().statusCode(200).body("items", hasSize(0));
        as("admin").get("/api/v1/patients/{id}/documents", patientId).then().statusCode(200).body("items.id", contains(id));
        as("admin").get("/api/v1/documents/{id}", id).then().statusCode(200).body("status", equalTo("entered-in-error"));
        assertEquals(1, documents(patientId), "never deleted");
    }
}
