package dev.medi.load;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Settings of a benchmark run, read from system properties ({@code mvn gatling:test -Drate=50 ...}); the
 * defaults are the targets of issue 4, item 11. Every simulation prints the settings it ran with.
 */
final class LoadSettings {

    /** The demo departments of the local run (README: General "GEN" and Emergency). */
    static final String GENERAL = "0193a000-0000-7000-8000-000000000001";
    static final String EMERGENCY = "0193a000-0000-7000-8000-000000000002";

    /** Every entry a benchmark creates is called this, followed by the run id: how leftovers are found and cancelled. */
    static final String ARRIVAL_NAME_PREFIX = "Load Test";

    private LoadSettings() {
    }

    /** The gateway, e.g. {@code http://127.0.0.1:8080}; never a remote address (loopback only). */
    static URI baseUrl() {
        String value = string("baseUrl", "http://127.0.0.1:8080");
        return URI.create(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
    }

    /** The gateway's management interface (health, metrics; not the public port, ADR 0008). */
    static URI gatewayManagementUrl() {
        String value = string("gatewayManagementUrl", "http://127.0.0.1:9000");
        return URI.create(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
    }

    /** Prometheus endpoints scraped before and after a run; empty to skip. */
    static URI gatewayMetrics() {
        return URI.create(string("gatewayMetricsUrl", gatewayManagementUrl() + "/q/metrics"));
    }

    static URI queueMetrics() {
        return URI.create(string("queueMetricsUrl", "http://127.0.0.1:9003/q/metrics"));
    }

    static List<String> departments(String fallback) {
        return Arrays.stream(string("departments", fallback).split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** The module's build directory ({@code load-tests/target}; the pom passes it to the Gatling JVM). */
    static Path buildDirectory() {
        return Path.of(string("buildDirectory", "target")).toAbsolutePath();
    }

    /** Where the simulations leave their own figures for run.sh: {@code target/load-results}. */
    static Path resultsDirectory() {
        return buildDirectory().resolve("load-results");
    }

    static String string(String name, String fallback) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    static int integer(String name, int fallback) {
        return Integer.parseInt(string(name, Integer.toString(fallback)));
    }

    static double decimal(String name, double fallback) {
        return Double.parseDouble(string(name, Double.toString(fallback)));
    }

    static boolean flag(String name, boolean fallback) {
        return Boolean.parseBoolean(string(name, Boolean.toString(fallback)));
    }

    /** Seconds, written {@code 60}, {@code 60s} or {@code 2m}. */
    static Duration seconds(String name, long fallbackSeconds) {
        String value = string(name, Long.toString(fallbackSeconds)).toLowerCase();
        if (value.endsWith("m")) {
            return Duration.ofMinutes(Long.parseLong(value.substring(0, value.length() - 1)));
        }
        if (value.endsWith("s")) {
            value = value.substring(0, value.length() - 1);
        }
        return Duration.ofSeconds(Long.parseLong(value));
    }
}
