package dev.medi.queue;

/** A status change the lifecycle does not allow from the entry's current state (answered with 409). */
public class IllegalTransitionException extends RuntimeException {

    private final QueueStatus from;
    private final QueueStatus to;

    public IllegalTransitionException(QueueStatus from, QueueStatus to) {
        super("An entry that is " + from + " cannot become " + to + ".");
        this.from = from;
        this.to = to;
    }

    public QueueStatus from() {
        return from;
    }

    public QueueStatus to() {
        return to;
    }
}
