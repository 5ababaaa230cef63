package dev.medi.auth.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The local run's mailbox: a reset link goes to a file under the mailbox directory, never to the log. */
@QuarkusTest
@TestProfile(MailboxFileTest.LocalMailbox.class)
class MailboxFileTest {

    static final Path MAILBOX = Path.of("target", "mailbox-" + UUID.randomUUID());

    public static class LocalMailbox implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("medi.auth.mail.mailbox-directory", MAILBOX.toAbsolutePath().toString());
        }
    }

    private final List<String> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : String.valueOf(record.getMessage()));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureLog() {
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void stopCapturing() {
        Logger.getLogger("").removeHandler(capture);
    }

    @Test
    void aResetLinkIsWrittenToTheMailboxAndNeverLogged() throws IOException {
        String username = "mailbox." + UUID.randomUUID().toString().substring(0, 8);
        String email = username + "@clinic.example";
        given().auth().oauth2(UserResourceTest.signIn("admin")).contentType(ContentType.JSON)
                .body(Map.of("username", username, "email", email, "displayName", "Mailbox",
                        "roles", List.of("nurse"), "departments", List.of(), "initialPassword", "violet tram at dawn 47"))
                .post("/api/v1/users").then().statusCode(201);

        given().contentType(ContentType.JSON).body(Map.of("email", email)).post("/api/v1/auth/password-reset")
                .then().statusCode(202);

        Path mail = await().atMost(Duration.ofSeconds(10)).until(() -> mailTo(email), file -> file != null);
        String text = Files.readString(mail);
        assertTrue(text.contains("Subject: Reset your Medi OS password"), text);
        Matcher link = Pattern.compile("\\?token=([A-Za-z0-9_-]+)").matcher(text);
        assertTrue(link.find(), text);
        String token = link.group(1);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(mail)));

        // the link works (it is the real one), and nothing logged carries the token
        given().contentType(ContentType.JSON).body(Map.of("token", token, "newPassword", "a brand new violet tram 48"))
                .post("/api/v1/auth/password-reset/confirm").then().statusCode(204);
        assertFalse(logged.isEmpty(), "the log capture saw nothing at all");
        assertTrue(logged.stream().noneMatch(line -> line != null && line.contains(token)), "the reset token was logged");
    }

    private static Path mailTo(String email) throws IOException {
        if (!Files.isDirectory(MAILBOX)) {
            return null;
        }
        try (Stream<Path> files = Files.list(MAILBOX)) {
            return files.filter(file -> {
                try {
                    return Files.readString(file).contains("To: " + email);
                } catch (IOException e) {
                    return false;
                }
            }).findFirst().orElse(null);
        }
    }
}
