package dev.medi.gateway.fanout;

/**
 * Why the gateway ends a live stream whose authorisation ended, with the WebSocket close code (4000–4999 are
 * for applications; the numbers echo HTTP's 401 and 403). An SSE stream gets the frame of the same name as
 * its last event, then ends.
 */
public enum StreamEnd {

    /** The token expired without an in-band re-authentication: reconnect with a fresh token. */
    TOKEN_EXPIRED(4401, "token expired", "token-expired"),
    /** The sign-in session was revoked (sign-out, password change, ...) or the account disabled: sign in again. */
    SESSION_ENDED(4403, "session ended", "session-ended");

    private final int closeCode;
    private final String closeReason;
    private final String frameType;

    StreamEnd(int closeCode, String closeReason, String frameType) {
        this.closeCode = closeCode;
        this.closeReason = closeReason;
        this.frameType = frameType;
    }

    public int closeCode() {
        return closeCode;
    }

    public String closeReason() {
        return closeReason;
    }

    public String frameType() {
        return frameType;
    }
}
