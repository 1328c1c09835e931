package org.szmark.limits;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.szmark.common.TryAgainLater;
import org.szmark.config.SzmarkConfig;

/**
 * Caps how many expensive reads run at once on this instance ({@code szmark.limits.concurrent-searches}):
 * public searches and listings with free text, /bodies and /stats. Each of them may read a large part of
 * a table, so many at once would take every database connection and starve issuance and verification.
 * A read that finds no free place waits a short bounded time ({@code szmark.limits.search-wait}), then is
 * answered 503 with Retry-After rather than queued without end.
 */
@Singleton
public class SearchGate {

    /** What a refused caller is told to wait: a free place is usually there within a second. */
    static final long RETRY_AFTER_SECONDS = 1;

    private final Semaphore places;
    private final long waitNanos;

    @Inject
    SearchGate(SzmarkConfig config) {
        this(config.limits().concurrentSearches(), config.limits().searchWait());
    }

    SearchGate(int places, Duration wait) {
        if (places < 1) throw new IllegalStateException("szmark.limits.concurrent-searches must be at least 1");
        // Fair, so a read that waits is not overtaken again and again by later ones.
        this.places = new Semaphore(places, true);
        this.waitNanos = Math.max(0, wait.toNanos());
    }

    /** Runs {@code read} in one of the places, or refuses with 503 when none frees up in time. */
    public <T> T run(Supplier<T> read) {
        boolean entered;
        try {
            entered = places.tryAcquire(waitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            entered = false;
        }
        if (!entered) {
            throw TryAgainLater.busy("searches-busy", "The registry is answering as many searches as it can at the moment;"
                    + " retry in a moment", RETRY_AFTER_SECONDS);
        }
        try {
            return read.get();
        } finally {
            places.release();
        }
    }

    /** Free places now; for tests and diagnostics. */
    int free() {
        return places.availablePermits();
    }

    /** Takes every free place and gives them back when the returned handle is closed; for tests. */
    AutoCloseable occupyAll() {
        int taken = places.drainPermits();
        java.util.concurrent.atomic.AtomicBoolean open = new java.util.concurrent.atomic.AtomicBoolean(true);
        return () -> {
            if (open.getAndSet(false)) places.release(taken);
        };
    }
}
