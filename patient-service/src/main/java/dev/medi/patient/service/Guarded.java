package dev.medi.patient.service;

import java.util.function.Function;

/**
 * The result of a transaction that must commit even when the request is refused: a refused access is
 * audited (outcome {@code denied}), so the refusal is carried out of the transaction as a value and thrown
 * only after the commit. That is why the services open such transactions with {@code Panache.withTransaction}
 * and throw after it: under {@code @WithTransaction} the throw would happen inside the transaction and roll the
 * {@code denied} audit record back with it.
 */
record Guarded<T>(T value, RuntimeException refusal) {

    static <T> Guarded<T> allowed(T value) {
        return new Guarded<>(value, null);
    }

    static <T> Guarded<T> refused(RuntimeException refusal) {
        return new Guarded<>(null, refusal);
    }

    boolean isAllowed() {
        return refusal == null;
    }

    <R> Guarded<R> map(Function<T, R> mapper) {
        return isAllowed() ? allowed(mapper.apply(value)) : refused(refusal);
    }

    T orThrow() {
        if (refusal != null) {
            throw refusal;
        }
        return value;
    }
}
