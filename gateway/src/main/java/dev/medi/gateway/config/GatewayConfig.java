package dev.medi.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Where the gateway sends what, and how it streams the live queue to clients. */
@ConfigMapping(prefix = "medi.gateway")
public interface GatewayConfig {

    /** Base URL per upstream service name. */
    Map<String, URI> services();

    /** Path prefixes per upstream service name; each prefix and everything below it is forwarded. */
    Map<String, List<String>> routes();

    Upstream upstream();

    FanOut fanout();

    interface Upstream {
        Duration connectTimeout();

        /** A connection with no traffic at all this long is closed (also bounds a request waiting for an answer). */
        Duration idleTimeout();

        /**
         * How long an unused connection may stay in the pool (whole seconds, at least 1). Must stay below the
         * idle timeout of the services' HTTP servers and of anything between (load balancers, NAT): the pool then
         * drops a connection before the other side can close it, so a request is never written into a
         * connection the service is closing. The pool looks for expired connections every second, which adds to it.
         */
        @WithDefault("15s")
        Duration keepAliveTimeout();

        int maxConnections();
    }

    /** The live queue streams: WebSocket {@code /ws/queue}, staff SSE and the public board SSE. */
    interface FanOut {

        /** Name (in {@link #services()}) of the service that serves queue snapshots and boards. */
        @WithDefault("queue")
        String service();

        /** Path of a department's staff snapshot on that service; {@code {department}} is replaced by the id. */
        String snapshotPath();

        /** Path of a department's public board on that service; {@code {department}} is replaced by the id. */
        String boardPath();

        /** How long a snapshot or board fetch may take before the client gets an error frame. */
        @WithDefault("5s")
        Duration snapshotTimeout();

        /**
         * Frames handed to one client whose write has not completed yet. A client above this is closed as
         * too slow, so that it holds neither memory nor other clients back; it reconnects and starts from a
         * fresh snapshot.
         */
        @WithDefault("256")
        int maxPendingFrames();

        /** Interval of the application heartbeat frame (last sequence per department), on every stream. */
        @WithDefault("15s")
        Duration heartbeatInterval();

        /** Public board streams (unauthenticated) one replica accepts; above it they get 503. */
        @WithDefault("500")
        int maxBoardClients();

        /**
         * Public board streams one client address may hold open on a replica; above it 429. Well below
         * {@link #maxBoardClients()}, so that one address cannot take every place the screens need. The address is
         * the connection's peer, or the forwarded one when {@code quarkus.http.proxy.*} trusts the peer as a proxy.
         */
        @WithDefault("20")
        int maxBoardClientsPerAddress();

        /**
         * How long before its token expires a WebSocket client gets a {@code token-expiring} frame, to
         * re-authenticate in-band before the connection is closed at expiry.
         */
        @WithDefault("60s")
        Duration tokenExpiryWarning();

        /**
         * How long a revoked session or a disabled user is remembered, to refuse their unexpired tokens on new
         * streams: at least the longest access-token lifetime plus the clock skew. Also how far back the
         * gateway reads auth events when it starts.
         */
        @WithDefault("11m")
        Duration revocationMemory();
    }
}
