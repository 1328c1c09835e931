package org.szmark.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.szmark.common.TryAgainLater;
import org.szmark.config.SzmarkConfig;

/** The budgets as a unit, on a clock moved by hand. */
class RateLimitsTest {

    final AtomicLong now = new AtomicLong(42);

    RateLimits limits(int rate, int burst, int perEndpoint, int perAccount) {
        RateLimits r = new RateLimits(config(rate, burst, perEndpoint, perAccount, Duration.ofMinutes(1)), reports(3));
        r.ticker(now::get);
        return r;
    }

    @Test
    void writesPassUpToTheBurstThenGet429WithRetryAfterAndRefill() {
        RateLimits r = limits(2, 4, 5, 20);
        for (int i = 0; i < 4; i++) r.write(1);
        assertThatThrownBy(() -> r.write(1)).isInstanceOfSatisfying(TryAgainLater.class, e -> {
            assertThat(e.status()).isEqualTo(429);
            assertThat(e.type()).isEqualTo("rate-limited");
            assertThat(e.retryAfterSeconds()).isEqualTo(1);
        });
        // Another account has a budget of its own.
        for (int i = 0; i < 4; i++) r.write(2);
        // Half a second gives one write back at 2 a second, no more.
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(500));
        r.write(1);
        assertThatThrownBy(() -> r.write(1)).isInstanceOf(TryAgainLater.class);
        // Long idle: the bucket is full again, the burst but not more.
        now.addAndGet(TimeUnit.HOURS.toNanos(1));
        for (int i = 0; i < 4; i++) r.write(1);
        assertThatThrownBy(() -> r.write(1)).isInstanceOf(TryAgainLater.class);
    }

    @Test
    void aRateOfZeroTurnsTheWriteLimitOff() {
        RateLimits r = limits(0, 0, 5, 20);
        for (int i = 0; i < 10_000; i++) r.write(1);
    }

    @Test
    void webhookTestsAreBudgetedPerEndpointAndPerAccount() {
        RateLimits r = limits(200, 2000, 2, 3);
        r.webhookTest(1, 10);
        r.webhookTest(1, 10);
        assertThatThrownBy(() -> r.webhookTest(1, 10)).isInstanceOfSatisfying(TryAgainLater.class,
                e -> assertThat(e.retryAfterSeconds()).isEqualTo(30)); // 2 a minute: one every 30 s
        // The refused test cost the account nothing: one more on another endpoint, then the account is spent.
        r.webhookTest(1, 11);
        assertThatThrownBy(() -> r.webhookTest(1, 11)).isInstanceOfSatisfying(TryAgainLater.class,
                e -> assertThat(e.getMessage()).contains("account"));
        // ... and the refusal by the account gave endpoint 11 its token back: after the account refills by one
        // (20 s at 3 a minute), endpoint 11 can be tested once more.
        now.addAndGet(TimeUnit.SECONDS.toNanos(20));
        r.webhookTest(1, 11);
        // Another account's endpoint budget is its own.
        r.webhookTest(2, 12);
        r.webhookTest(2, 12);
    }

    @Test
    void aNonsensicalConfigurationIsRefusedAtStart() {
        assertThatThrownBy(() -> new RateLimits(config(10, 0, 5, 20, Duration.ofMinutes(1)), reports(3))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new RateLimits(config(10, 10, 0, 20, Duration.ofMinutes(1)), reports(3))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new RateLimits(config(10, 10, 5, 20, Duration.ZERO), reports(3))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void reportsPassUpToTheClientsBudgetPerPeriod() {
        RateLimits r = limits(2, 4, 5, 20);
        for (int i = 0; i < 3; i++) r.report("127.0.0.21");
        assertThatThrownBy(() -> r.report("127.0.0.21")).isInstanceOfSatisfying(TryAgainLater.class, e -> {
            assertThat(e.status()).isEqualTo(429);
            assertThat(e.retryAfterSeconds()).isBetween(1L, 1200L);
        });
        r.report("127.0.0.22");
        now.addAndGet(TimeUnit.MINUTES.toNanos(20));
        r.report("127.0.0.21");
        assertThatThrownBy(() -> r.report("127.0.0.21")).isInstanceOf(TryAgainLater.class);
        assertThatThrownBy(() -> new RateLimits(config(10, 10, 5, 20, Duration.ofMinutes(1)), reports(0)))
                .isInstanceOf(IllegalStateException.class);
    }

    static SzmarkConfig.Reports reports(int perClient) {
        return new SzmarkConfig.Reports() {
            @Override public int perClient() { return perClient; }
            @Override public Duration period() { return Duration.ofHours(1); }
            @Override public io.quarkus.runtime.configuration.MemorySize maxPhotoSize() {
                return new io.quarkus.runtime.configuration.MemorySize(java.math.BigInteger.valueOf(3 << 20));
            }
            @Override public int flagAfter() { return 3; }
            @Override public int flagPlaces() { return 2; }
        };
    }

    static SzmarkConfig.Limits config(int rate, int burst, int perEndpoint, int perAccount, Duration period) {
        return new SzmarkConfig.Limits() {
            @Override public Writes writes() {
                return new Writes() {
                    @Override public int rate() { return rate; }
                    @Override public int burst() { return burst; }
                };
            }
            @Override public WebhookTests webhookTests() {
                return new WebhookTests() {
                    @Override public int perEndpoint() { return perEndpoint; }
                    @Override public int perAccount() { return perAccount; }
                    @Override public Duration period() { return period; }
                };
            }
            @Override public int concurrentSearches() { return 8; }
            @Override public Duration searchWait() { return Duration.ofSeconds(1); }
        };
    }
}
