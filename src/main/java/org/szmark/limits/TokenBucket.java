package org.szmark.limits;

/**
 * A token bucket: it holds at most {@code capacity} tokens, gains {@code refill} tokens every
 * {@code period} nanoseconds, and each request takes one. A full bucket lets a burst of {@code capacity}
 * requests through at once; after that requests pass at the refill rate.
 *
 * <p>Kept in the equivalent "virtual scheduling" form of the generic cell rate algorithm (ITU-T I.371
 * annex A): one instant, the time at which the bucket would be full again, in whole nanoseconds, so there is
 * no rounding of fractional tokens. Time is handed in as nanoseconds from a fixed origin
 * ({@link System#nanoTime()} in the registry) and only differences are compared, so the bucket has no clock
 * of its own, survives nanoTime's wrap-around, and tests can move time by hand. Thread-safe.
 */
public final class TokenBucket {

    /** Nanoseconds per token. */
    private final long interval;
    /** How far ahead of now the next free instant may be and still let a request through: capacity − 1 tokens. */
    private final long tolerance;
    private final long capacity;
    /** When the bucket has gained back every token taken; at or before now means full. */
    private long full;

    /**
     * @param capacity most tokens held, and how many a new bucket starts with
     * @param refill tokens gained per {@code periodNanos}
     * @param now the current time, in nanoseconds
     */
    public TokenBucket(long capacity, long refill, long periodNanos, long now) {
        if (capacity < 1 || refill < 1 || periodNanos < refill) {
            throw new IllegalArgumentException("capacity and refill must be positive, and the period at least a nanosecond per token");
        }
        this.capacity = capacity;
        this.interval = periodNanos / refill;
        this.tolerance = (capacity - 1) * interval;
        this.full = now;
    }

    /**
     * Takes one token if there is one.
     *
     * @return 0 when a token was taken; otherwise the nanoseconds until one will be there (at least 1)
     */
    public synchronized long tryTake(long now) {
        long ahead = Math.max(0, full - now);
        if (ahead > tolerance) return ahead - tolerance;
        full = now + ahead + interval;
        return 0;
    }

    /** Returns a token taken for a request that another limit then refused, so it costs nothing here. */
    public synchronized void giveBack(long now) {
        full = Math.max(0, full - now) <= interval ? now : full - interval;
    }

    /** Tokens there now, with the fraction of the next one. */
    public synchronized double available(long now) {
        long ahead = Math.max(0, full - now);
        return Math.min(capacity, (tolerance + interval - ahead) / (double) interval);
    }
}
