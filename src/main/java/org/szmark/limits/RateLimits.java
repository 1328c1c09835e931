package org.szmark.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.szmark.common.TryAgainLater;
import org.szmark.config.SzmarkConfig;

/**
 * Per-account budgets (README.md, Configuration): writes, and test deliveries of webhook endpoints. Each
 * budget is a {@link TokenBucket} in this instance's memory, so N instances behind a balancer allow N times
 * the configured rate; a restart gives every account a full bucket.
 *
 * <p>A bucket left alone for as long as it takes to fill from empty is full again, the same as a new one, so
 * it is dropped after that long and the number of buckets follows the accounts active lately, not all ever seen.
 */
@Singleton
public class RateLimits {

    /** Bounds the memory of each budget even if very many accounts or endpoints are active at once. */
    static final long MAX_BUCKETS = 100_000;

    private final SzmarkConfig.Limits config;
    private final Cache<Long, TokenBucket> writes;
    private final Cache<Long, TokenBucket> testsOfAccount;
    private final Cache<Long, TokenBucket> testsOfEndpoint;
    private final SzmarkConfig.Reports reportConfig;
    private final Cache<String, TokenBucket> reportsOfClient;
    /** Nanoseconds, as {@link System#nanoTime()}; tests move it by hand. */
    private volatile LongSupplier ticker = System::nanoTime;

    @Inject
    RateLimits(SzmarkConfig config) {
        this(config.limits(), config.reports());
    }

    RateLimits(SzmarkConfig.Limits limits, SzmarkConfig.Reports reports) {
        this.config = limits;
        this.reportConfig = reports;
        if (reports.perClient() < 1 || reports.period().toNanos() < 1) {
            throw new IllegalStateException("szmark.reports.per-client and szmark.reports.period must be positive");
        }
        SzmarkConfig.Limits.Writes w = this.config.writes();
        SzmarkConfig.Limits.WebhookTests t = this.config.webhookTests();
        if ((w.rate() > 0 && w.burst() < 1) || t.perEndpoint() < 1 || t.perAccount() < 1 || t.period().toNanos() < 1) {
            throw new IllegalStateException("szmark.limits: writes.burst (when writes.rate > 0), webhook-tests.per-endpoint,"
                    + " webhook-tests.per-account and webhook-tests.period must be positive");
        }
        long writeFill = w.rate() <= 0 ? 1 : TimeUnit.SECONDS.toNanos(1) * w.burst() / w.rate();
        long testFill = t.period().toNanos();
        writes = buckets(writeFill);
        testsOfAccount = buckets(testFill);
        testsOfEndpoint = buckets(testFill);
        reportsOfClient = Caffeine.newBuilder().ticker(() -> ticker.getAsLong()).maximumSize(MAX_BUCKETS)
                .expireAfterAccess(reports.period().toNanos(), TimeUnit.NANOSECONDS).build();
    }

    /**
     * Takes one report from the budget of a client address (reports need no account), or refuses with 429.
     * The address is kept only as this bucket's key, in memory, for at most one period.
     */
    public void report(String clientAddress) {
        long now = ticker.getAsLong();
        long period = reportConfig.period().toNanos();
        TokenBucket b = reportsOfClient.get(clientAddress == null ? "" : clientAddress,
                k -> new TokenBucket(reportConfig.perClient(), reportConfig.perClient(), period, now));
        long wait = b.tryTake(now);
        if (wait > 0) {
            throw TryAgainLater.rateLimited("More than " + reportConfig.perClient() + " reports came from this address within "
                    + reportConfig.period() + "; retry after the Retry-After seconds", seconds(wait));
        }
    }

    private Cache<Long, TokenBucket> buckets(long fillNanos) {
        return Caffeine.newBuilder().ticker(() -> ticker.getAsLong()).maximumSize(MAX_BUCKETS)
                .expireAfterAccess(Math.max(1, fillNanos), TimeUnit.NANOSECONDS).build();
    }

    /** Takes one write from the account's budget, or refuses with 429. */
    public void write(long accountId) {
        SzmarkConfig.Limits.Writes w = config.writes();
        if (w.rate() <= 0) return;
        long now = ticker.getAsLong();
        TokenBucket b = writes.get(accountId, k -> new TokenBucket(w.burst(), w.rate(), TimeUnit.SECONDS.toNanos(1), now));
        long wait = b.tryTake(now);
        if (wait > 0) {
            throw TryAgainLater.rateLimited("This account sent more than " + w.burst() + " writes at once or more than "
                    + w.rate() + " a second for a while; retry after the Retry-After seconds", seconds(wait));
        }
    }

    /**
     * Takes one test delivery from the endpoint's and the account's budgets, or refuses with 429 and takes
     * from neither. Called once the endpoint is known to be the caller's, so no one can spend another's budget.
     */
    public void webhookTest(long accountId, long endpointId) {
        SzmarkConfig.Limits.WebhookTests t = config.webhookTests();
        long now = ticker.getAsLong();
        long period = t.period().toNanos();
        TokenBucket endpoint = testsOfEndpoint.get(endpointId, k -> new TokenBucket(t.perEndpoint(), t.perEndpoint(), period, now));
        TokenBucket account = testsOfAccount.get(accountId, k -> new TokenBucket(t.perAccount(), t.perAccount(), period, now));
        long wait = endpoint.tryTake(now);
        if (wait > 0) {
            throw TryAgainLater.rateLimited("An endpoint may be tested at most " + t.perEndpoint() + " times per "
                    + describe(t.period()), seconds(wait));
        }
        wait = account.tryTake(now);
        if (wait > 0) {
            endpoint.giveBack(now);
            throw TryAgainLater.rateLimited("An account may test its endpoints at most " + t.perAccount() + " times per "
                    + describe(t.period()), seconds(wait));
        }
    }

    /** Replaces the time source; for tests, which move time by hand instead of waiting. */
    void ticker(LongSupplier nanos) {
        this.ticker = nanos;
        writes.invalidateAll();
        testsOfAccount.invalidateAll();
        testsOfEndpoint.invalidateAll();
    }

    /** Retry-After is whole seconds (RFC 9110 §10.2.3): round up, so a retry at that time finds a token. */
    static long seconds(long nanos) {
        return Math.max(1, (nanos + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1));
    }

    private static String describe(Duration d) {
        if (d.equals(Duration.ofMinutes(1))) return "minute";
        if (d.equals(Duration.ofHours(1))) return "hour";
        return d.toSeconds() + " seconds";
    }
}
