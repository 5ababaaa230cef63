package dev.medi.queue;

import dev.medi.platform.defaults.ProblemException;
import dev.medi.platform.defaults.ProblemType;

/**
 * A status change the lifecycle does not allow from the entry's current state: answered with 409
 * {@code conflict} by the platform's problem mapper, like any {@link ProblemException}.
 */
public class IllegalTransitionException extends ProblemException {

    private final QueueStatus from;
    private final QueueStatus to;

    public IllegalTransitionException(QueueStatus from, QueueStatus to) {
        super(ProblemType.CONFLICT, "An entry that is " + from + " cannot become " + to + ".");
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
