package dev.medi.ai.service;

import dev.medi.ai.config.BudgetConfig;
import dev.medi.ai.config.ScribeJobConfig;
import dev.medi.ai.engine.EngineInfo;
import dev.medi.ai.job.JobState;
import dev.medi.ai.job.ScribeJob;
import dev.medi.ai.messaging.ScribeJobEventPublisher;
import dev.medi.ai.repository.ScribeJobRepository;
import dev.medi.ai.repository.TokenBudgetRepository;
import dev.medi.platform.defaults.TimeOrderedIds;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

/**
 * Runs scribe jobs from the table, so they survive restarts and several replicas share them: each tick claims the
 * oldest queued job — or a running one whose lease passed, its worker having died — with
 * {@code FOR UPDATE SKIP LOCKED}, marks it running for {@code medi.ai.scribe-jobs.lease} ({@code scribe-job.running}),
 * drafts it on a worker thread ({@link ScribeDrafting}: redact, engine, restore, check) and stores the result in a
 * second transaction — unless the job was cancelled or taken over meanwhile, in which case the result is discarded.
 * A job that lost its worker {@code max-attempts} times fails. Only ids and states are logged.
 */
@ApplicationScoped
public class ScribeJobRunner {

    /** Most jobs one tick runs before yielding to the next tick. */
    static final int JOBS_PER_TICK = 20;

    /** What a worker took: the job's id and the start of its attempt (which tells a takeover apart). */
    record Claim(UUID jobId, Instant startedAt, String transcriptJson, String identifiersJson) {
    }

    private final ScribeJobRepository jobs;
    private final TokenBudgetRepository budget;
    private final ScribeJobEventPublisher events;
    private final ScribeDrafting drafting;
    private final ScribeJobConfig config;
    private final BudgetConfig budgetConfig;
    private final Clock clock = Clock.systemUTC();

    ScribeJobRunner(ScribeJobRepository jobs, TokenBudgetRepository budget, ScribeJobEventPublisher events,
                    ScribeDrafting drafting, ScribeJobConfig config, BudgetConfig budgetConfig) {
        this.jobs = jobs;
        this.budget = budget;
        this.events = events;
        this.drafting = drafting;
        this.config = config;
        this.budgetConfig = budgetConfig;
    }

    @Scheduled(every = "${medi.ai.scribe-jobs.poll-every:1s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tick() {
        return config.runnerEnabled() ? runNext(JOBS_PER_TICK) : Uni.createFrom().voidItem();
    }

    /** Runs jobs until there is none left to claim, at most {@code remaining}. */
    public Uni<Void> runNext(int remaining) {
        if (remaining <= 0) {
            return Uni.createFrom().voidItem();
        }
        return claim().flatMap(claim -> claim == null ? Uni.createFrom().voidItem()
                : run(claim).onFailure().recoverWithItem(failure -> {
                    // the job stays running; its lease passes and a worker takes it again
                    Log.errorf("scribe job %s could not be completed (%s); it is retried after its lease",
                            claim.jobId(), failure.getClass().getSimpleName());
                    return null;
                }).flatMap(ignored -> runNext(remaining - 1)));
    }

    /** Claims the next job in its own transaction, or fails the ones that lost their worker too often. */
    Uni<Claim> claim() {
        Instant now = clock.instant();
        return Panache.withTransaction(() -> jobs.claimNext(now).flatMap(job -> {
            if (job == null) {
                return Uni.createFrom().nullItem();
            }
            if (job.state() == JobState.RUNNING && job.attempts() >= config.maxAttempts()) {
                job.fail("The job was interrupted " + job.attempts() + " times and was given up. Submit it again.",
                        null, now);
                Log.warnf("scribe job %s failed: interrupted %d times", job.id(), job.attempts());
                // a job that was given up is not a job to run: look for the next one in the next claim
                return events.record(job).replaceWith(new Claim(null, null, null, null));
            }
            boolean takeover = job.state() == JobState.RUNNING;
            job.start(now, config.lease());
            if (takeover) {
                Log.infof("scribe job %s taken over after its worker stopped (attempt %d)", job.id(), job.attempts());
            }
            return events.record(job).replaceWith(new Claim(job.id(), job.startedAt(), job.transcriptJson(),
                    job.identifiersJson()));
        })).flatMap(claim -> claim != null && claim.jobId() == null ? claim() : Uni.createFrom().item(claim));
    }

    /** Drafts the claimed job off the event loop, then stores the outcome. */
    Uni<Void> run(Claim claim) {
        Context context = Vertx.currentContext();
        return Uni.createFrom().item(() -> drafting.draft(claim.transcriptJson(), claim.identifiersJson()))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .emitOn(command -> context.runOnContext(ignored -> command.run()))
                .onItemOrFailure().transformToUni((result, failure) -> failure == null ? succeed(claim, result)
                        : fail(claim, failure));
    }

    private Uni<Void> succeed(Claim claim, ScribeDrafting.Result result) {
        Instant now = clock.instant();
        UUID noteId = TimeOrderedIds.next();
        return Panache.withTransaction(() -> jobs.lock(claim.jobId()).flatMap(job -> {
            if (job == null || !job.heldBy(claim.startedAt())) {
                Log.infof("scribe job %s was cancelled or taken over meanwhile: its draft is discarded", claim.jobId());
                return Uni.createFrom().voidItem();
            }
            job.succeed(result.draftJson(), result.engine(), config.promptVersion(), noteId, now);
            LocalDate day = LocalDate.ofInstant(now, ZoneId.of(budgetConfig.timeZone()));
            return budget.spend(job.departmentId(), day, (long) job.inputTokens() + job.outputTokens())
                    .call(() -> events.record(job))
                    .invoke(() -> Log.infof("scribe job %s succeeded (engine %s%s, %d sentences, %d unsupported)",
                            job.id(), job.engine(), job.fallbackReason() == null ? "" : ", fell back",
                            result.sentences(), result.unsupported()));
        }));
    }

    private Uni<Void> fail(Claim claim, Throwable failure) {
        Instant now = clock.instant();
        String reason = ScribeDrafting.reason(failure);
        EngineInfo engine = failure instanceof ScribeDrafting.DraftingFailed failed ? failed.engine() : null;
        return Panache.withTransaction(() -> jobs.lock(claim.jobId()).flatMap(job -> {
            if (job == null || !job.heldBy(claim.startedAt())) {
                return Uni.createFrom().voidItem();
            }
            job.fail(reason, engine, now);
            Log.warnf("scribe job %s failed (%s)", job.id(), failure.getClass().getSimpleName());
            return events.record(job);
        }));
    }
}
