package org.szmark.common;

import java.util.List;

/**
 * A refusal that passes: the caller may send the same request again after {@link #retryAfterSeconds()},
 * which the problem response carries as {@code Retry-After} (RFC 9110 §10.2.3).
 */
public class TryAgainLater extends DomainException {
    private final int status;
    private final String type;
    private final String title;
    private final long retryAfterSeconds;

    private TryAgainLater(int status, String type, String title, String detail, long retryAfterSeconds) {
        super(detail, List.of());
        this.status = status;
        this.type = type;
        this.title = title;
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    /** 429 (RFC 6585 §4): the caller used up its budget of such requests for now. */
    public static TryAgainLater rateLimited(String detail, long retryAfterSeconds) {
        return new TryAgainLater(429, "rate-limited", "Too many requests", detail, retryAfterSeconds);
    }

    /** 503: the registry is busy with requests of this kind from everyone; nothing about the caller. */
    public static TryAgainLater busy(String type, String detail, long retryAfterSeconds) {
        return new TryAgainLater(503, type, "Service temporarily unavailable", detail, retryAfterSeconds);
    }

    /** Whole seconds, at least 1. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    @Override public int status() { return status; }
    @Override public String type() { return type; }
    @Override public String title() { return title; }
}
