package dev.medi.gateway.client;

/** An upstream service answered, but not with 200. Carries the status only, never the body. */
public class UpstreamStatusException extends RuntimeException {

    private final int status;

    public UpstreamStatusException(String service, int status) {
        super(service + " answered " + status, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
