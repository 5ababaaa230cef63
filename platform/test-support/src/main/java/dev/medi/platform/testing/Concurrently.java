package dev.medi.platform.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/** Races: the same kind of request from several threads released at one moment, for "exactly one wins" tests. */
public final class Concurrently {

    /**
     * Runs {@code request(i)} for i in 0..n-1 on n threads that all start together (a latch, not a sleep), and
     * returns what each returned, in i order; each gets 30 s.
     */
    public static <T> List<T> run(int n, IntFunction<Callable<T>> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> answers = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                Callable<T> call = request.apply(i);
                answers.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>(n);
            for (Future<T> answer : answers) {
                results.add(answer.get(30, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private Concurrently() {
    }
}
