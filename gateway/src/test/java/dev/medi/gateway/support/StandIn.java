package dev.medi.gateway.support;

import dev.medi.platform.testing.ServiceEndpoints;
import io.vertx.core.json.JsonObject;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;

/** Controls the queue-service stand-in ({@code UpstreamStandIn}) and reads the gateway's metrics. */
public final class StandIn {

    /** queue-service will answer the department's snapshot and board with this (see {@code UpstreamStandIn}). */
    public static void snapshot(UUID departmentId, JsonObject setting) {
        given().baseUri(queueService()).contentType("application/json").body(setting.encode())
                .put("/__snapshots/" + departmentId).then().statusCode(200);
    }

    public static void snapshotAt(UUID departmentId, long sequence) {
        snapshot(departmentId, new JsonObject().put("sequence", sequence));
    }

    /** Lets a held snapshot answer go. */
    public static void release(UUID departmentId) {
        given().baseUri(queueService()).post("/__snapshots/" + departmentId + "/release").then().statusCode(200);
    }

    /** {@code count} and {@code authorization} of the snapshot requests queue-service received for the department. */
    public static JsonObject snapshotRequests(UUID departmentId) {
        return new JsonObject(given().baseUri(queueService()).get("/__snapshots/" + departmentId).then().statusCode(200)
                .extract().asString());
    }

    /** Value of a Prometheus sample of the gateway: the first line of {@code name} carrying every one of {@code labels}. */
    public static double metric(String name, String... labels) {
        String text = ServiceEndpoints.metrics(ServiceEndpoints.managementUrl());
        Pattern sample = Pattern.compile("^" + Pattern.quote(name) + "(\\{[^}]*})? ([0-9.eE+-]+)$", Pattern.MULTILINE);
        Matcher matcher = sample.matcher(text);
        while (matcher.find()) {
            String found = matcher.group(1) == null ? "" : matcher.group(1);
            boolean all = true;
            for (String label : labels) {
                all &= found.contains(label);
            }
            if (all) {
                return Double.parseDouble(matcher.group(2));
            }
        }
        throw new AssertionError("no sample " + name + " " + String.join(",", labels) + " in /q/metrics");
    }

    private static String queueService() {
        return ConfigProvider.getConfig().getValue("medi.gateway.services.queue", String.class);
    }

    private StandIn() {
    }
}
