package dev.medi.queue.rest;

import dev.medi.platform.testing.Databases;
import dev.medi.queue.QueueApi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.medi.queue.QueueApi.ROOM;
import static dev.medi.queue.QueueApi.arrival;
import static dev.medi.queue.QueueApi.checkIn;
import static dev.medi.queue.QueueApi.newDepartment;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Many clients at the same moment: nothing duplicated, nothing lost. */
@QuarkusTest
class QueueConcurrencyTest {

    @Inject
    DataSource dataSource;

    @Test
    void fiftyConcurrentCheckInsWithOneIdempotencyKeyCreateOneEntry() throws Exception {
        String department = newDepartment();
        String key = UUID.randomUUID().toString();
        String token = QueueApi.token("receptionist");
        List<Response> responses = all(50, () -> given().auth().oauth2(token).contentType(ContentType.JSON)
                .header("Idempotency-Key", key).body(arrival("chest pain"))
                .post("/api/v1/queues/{d}/check-ins", department));

        Set<String> ids = new HashSet<>();
        int replayed = 0;
        for (Response response : responses) {
            assertEquals(201, response.statusCode(), response.asString());
            ids.add(response.path("id"));
            replayed += "true".equals(response.header("Idempotent-Replayed")) ? 1 : 0;
        }
        assertEquals(1, ids.size(), "every answer names the same entry");
        assertEquals(49, replayed);
        assertEquals(1, count("select count(*) from queue_entries where department_id = '" + department + "'"));
        assertEquals(1, count("select last_sequence from department_sequences where department_id = '" + department + "'"),
                "one event");

        // the same key with another request is refused and changes nothing
        given().auth().oauth2(token).contentType(ContentType.JSON).header("Idempotency-Key", key).body(arrival("headache"))
                .post("/api/v1/queues/{d}/check-ins", department)
                .then().statusCode(422).contentType("application/problem+json");
        assertEquals(1, count("select count(*) from queue_entries where department_id = '" + department + "'"));
    }

    @Test
    void twentyDoctorsCallingAtOnceEachGetADifferentPatient() throws Exception {
        String department = newDepartment();
        List<String> waiting = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            waiting.add(checkIn(department, "complaint " + i));
        }
        List<Response> calls = all(20, () -> given().auth().oauth2(QueueApi.token("doctor")).contentType(ContentType.JSON)
                .body(Map.of("room", ROOM)).post("/api/v1/queues/{d}/call-next", department));
        Set<String> called = new HashSet<>();
        for (Response call : calls) {
            assertEquals(200, call.statusCode(), call.asString());
            assertTrue(called.add(call.path("id")), "an entry was handed out twice");
        }
        assertEquals(Set.copyOf(waiting), called);
        assertEquals(20, count("select count(*) from queue_transitions t join queue_entries e on e.id = t.entry_id "
                + "where e.department_id = '" + department + "' and t.to_status = 'CALLED'"), "each entry called exactly once");
    }

    /** Runs {@code n} requests released at the same instant. */
    private static List<Response> all(int n, Callable<Response> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return request.call();
                }));
            }
            start.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> future : futures) {
                responses.add(future.get());
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }

    private long count(String sql) {
        return Databases.count(dataSource, sql);
    }
}
